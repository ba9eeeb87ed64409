import { AppError } from '../src/errors/index.js';

export function assertQuota(used: number, limit: number, code: string, message: string): void {
  if (used > limit) {
    throw new AppError(String(message), { details: { code, limit } });
  }
}
