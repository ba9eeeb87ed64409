import { reportError } from '../src/errors/index.js';

declare function connect(): Promise<{ close(): Promise<void> }>;

export async function probe(): Promise<boolean> {
  try {
    const connection = await connect();
    try {
      await connection.close();
    } catch (error) {
      reportError(error, { operation: 'probe' });
    }
    return true;
  } catch (error) {
    try {
      await connect();
    } catch (error) {
      reportError(error, { operation: 'probe' });
    }
    return false;
  }
}
