import { lstat } from 'node:fs/promises';

export async function isSymlink(path: string): Promise<boolean> {
  try {
    const info = await lstat(path);
    return info.isSymbolicLink();
  } catch {}
  return false;
}
