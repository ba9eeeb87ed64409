/**
 * The only way `migrate` changes a file: the new content goes to a temporary file in the same folder,
 * which is then renamed over the original. A rename is atomic, so a run killed at any moment leaves
 * each file either entirely old or entirely new. The file's mode and owner are kept.
 */
import { statSync } from 'node:fs';
import type WriteFileAtomic from 'write-file-atomic';
import { noteTempFile } from '../fs/temp-files.js';
import { recordWritten } from '../fs/written-files.js';
import { lazyRequire } from '../lazy-require.js';

const loadWriteFileAtomic = lazyRequire<typeof WriteFileAtomic>('write-file-atomic');

export interface ObservedFile {
  size: number;
  mtimeMs: number;
}

/** Whether the file still has the size and modification time it had when it was read. */
export function isUnchangedSinceRead(absolutePath: string, observed: ObservedFile): boolean {
  try {
    const stats = statSync(absolutePath);
    return stats.isFile() && stats.size === observed.size && stats.mtimeMs === observed.mtimeMs;
  } catch {
    return false;
  }
}

/** Replace the file's content with `text` (prefixed with a byte order mark when the original had one). */
export async function writeSourceAtomically(absolutePath: string, text: string, bom: boolean): Promise<void> {
  // write-file-atomic copies the existing file's mode and owner onto the temporary file before the rename.
  await loadWriteFileAtomic()(absolutePath, (bom ? '\uFEFF' : '') + text, { encoding: 'utf8', tmpfileCreated: noteTempFile });
  recordWritten(absolutePath);
}
