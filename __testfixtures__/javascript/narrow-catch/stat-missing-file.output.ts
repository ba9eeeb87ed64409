import { stat } from 'node:fs/promises';
import { isErrnoError } from '../src/errors/index.js';
import type { Stats } from 'node:fs';

export async function statIfPresent(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (!isErrnoError(error, 'ENOENT', 'ENOTDIR')) {
      throw error;
    }
    return undefined;
  }
}
