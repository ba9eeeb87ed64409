import { logger } from '../src/errors/index.js';

declare function open(): Promise<{ close(): Promise<void> }>;

export async function cycle(): Promise<void> {
  try {
    const handle = await open();
    await handle.close();
  } catch (e) {
    try {
      await open();
    } catch (retryError) {
      logger.error({ err: retryError }, 'Retry failed');
    }
    logger.error({ err: e }, 'Cycle failed');
  }
}
