import { statSync, type Stats } from 'node:fs';
import { isErrnoError } from '../src/errors/index.js';

export function sizeOf(path: string): number {
  let stats: Stats | undefined;
  try {
    stats = statSync(path);
  } catch (error) {
    if (!isErrnoError(error, 'ENOENT', 'ENOTDIR')) {
      throw error;
    }
  }
  return stats?.size ?? 0;
}
