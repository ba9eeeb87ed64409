import { readFile } from 'node:fs/promises';
import { NotFoundError } from '../src/errors/index.js';

export async function readProfile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new NotFoundError('No such profile', { cause: e, expose: false });
  }
}
