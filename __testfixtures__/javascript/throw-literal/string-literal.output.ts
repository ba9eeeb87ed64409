import { AppError } from '../src/errors/index.js';

export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port)) throw new AppError('Port is not a number');
  return port;
}
