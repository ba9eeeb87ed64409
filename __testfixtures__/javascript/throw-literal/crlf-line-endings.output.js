import { AppError } from '../src/errors/index.js';

export function pick(list, index) {
  if (index >= list.length) throw new AppError('Index out of range');
  return list[index];
}
