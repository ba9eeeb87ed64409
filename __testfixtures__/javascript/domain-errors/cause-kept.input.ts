import { readFile } from 'node:fs/promises';

export async function readProfile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new Error('No such profile', { cause: e });
  }
}
