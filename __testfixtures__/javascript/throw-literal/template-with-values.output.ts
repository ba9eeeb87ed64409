import { readFileSync } from 'node:fs';
import { AppError } from '../src/errors/index.js';

export function loadConfig(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '') throw new AppError(`Config ${path} is empty`);
  return JSON.parse(text);
}
