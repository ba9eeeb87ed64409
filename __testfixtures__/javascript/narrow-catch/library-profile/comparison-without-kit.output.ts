import { lstat } from 'node:fs/promises';

export async function linkKind(path: string): Promise<'dir' | 'file'> {
  try {
    const stats = await lstat(path);
    return stats.isDirectory() ? 'dir' : 'file';
  } catch (error) {
    if (
      !['ENOENT', 'ENOTDIR'].includes((error as { code?: string }).code ?? '')
    ) {
      throw error;
    }
    return 'file';
  }
}
