import { readFile } from 'node:fs/promises';

export async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'EISDIR') return '';
    return undefined;
  }
}
