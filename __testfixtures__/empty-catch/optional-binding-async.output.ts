import { readFile } from 'node:fs/promises';
import { reportError } from '../src/errors/index.js';

export async function loadSettings(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    reportError(error, { operation: 'loadSettings' });
  }
  return undefined;
}
