import { AppError } from '../../src/errors/index.js';

declare function charge(): Promise<void>;

export async function pay(): Promise<void> {
  try {
    await charge();
  } catch (e) {
    throw new AppError('Payment failed', { cause: e });
  }
}
