import { AppError } from '../../src/errors/index.js';

declare function connect(url: string): Promise<void>;

export async function openDatabase(url: string): Promise<void> {
  try {
    await connect(url);
  } catch (e) {
    throw new AppError('Database unavailable', { cause: e });
  }
}
