import { AppError } from '../src/errors/index.js';

export function Quantity({ value }: { value: number }) {
  if (value < 0) throw new AppError('Quantity cannot be negative');
  return <span>{value}</span>;
}
