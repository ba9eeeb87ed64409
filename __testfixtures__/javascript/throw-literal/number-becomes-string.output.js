import { AppError } from '../src/errors/index.js';

export function exitCodeOf(result) {
  if (result.failed) throw new AppError('42');
  if (result.crashed) throw new AppError('-1');
  return 0;
}
