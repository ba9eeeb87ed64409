import { AppError } from '../src/errors/index.js';

export function reserve(seats, wanted) {
  if (wanted > seats) {
    throw new AppError('An object was thrown without a message', { details: { code: 'E_NO_SEATS', wanted } });
  }
  return seats - wanted;
}
