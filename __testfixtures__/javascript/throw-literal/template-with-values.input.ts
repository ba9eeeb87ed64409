import { readFileSync } from 'node:fs';

export function loadConfig(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '') throw `Config ${path} is empty`;
  return JSON.parse(text);
}
