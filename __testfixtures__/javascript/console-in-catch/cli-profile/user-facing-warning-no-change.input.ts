import { readFileSync } from 'node:fs';

export function loadRc(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    console.warn(`Could not read ${path}: ${(error as Error).message}. Using the defaults.`);
    console.error(error);
    return '';
  }
}
