import { AppError as KitAppError } from '../../src/errors/index.js';

declare function connect(url: string): Promise<void>;

class AppError extends Error {}

export async function openCache(url: string): Promise<void> {
  try {
    await connect(url);
  } catch (error) {
    throw new KitAppError('Cache unavailable', { cause: error });
  }
  throw new AppError('unreachable');
}
