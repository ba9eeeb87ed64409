/**
 * The files verification rewrites while the tests run, with their original bytes kept in memory so
 * that the tree can always be put back: on an exception, an interrupt, or the process exiting. Until
 * `keep` is called, the tree ends as it started.
 */
import { readFileSync, statSync, utimesSync } from 'node:fs';
import type WriteFileAtomic from 'write-file-atomic';
import { OperationError } from '../../errors.js';
import { lazyRequire } from '../../lazy-require.js';

const loadWriteFileAtomic = lazyRequire<typeof WriteFileAtomic>('write-file-atomic');

export interface TreeFile {
  /** Relative to the project root, `/` separators. */
  path: string;
  absolute: string;
}

interface Kept {
  absolute: string;
  original: Buffer;
  /** In seconds, with the fraction `utimes` takes. */
  atime: number;
  mtime: number;
  /** What is on disk now, as far as this tree knows. */
  current: Buffer;
}

export class WorkingTree {
  private readonly files = new Map<string, Kept>();
  private kept = false;

  constructor(files: TreeFile[]) {
    for (const file of files) {
      const original = readFileSync(file.absolute);
      const stats = statSync(file.absolute);
      this.files.set(file.path, { absolute: file.absolute, original, atime: stats.atimeMs / 1000, mtime: stats.mtimeMs / 1000, current: original });
    }
  }

  original(path: string): Buffer {
    return this.entry(path).original;
  }

  /** Puts `content` in the file, atomically; the original when `content` is undefined. */
  set(path: string, content: Buffer | undefined): void {
    const file = this.entry(path);
    const wanted = content ?? file.original;
    if (wanted.equals(file.current)) return;
    this.checkUntouched(path, file);
    loadWriteFileAtomic().sync(file.absolute, wanted);
    file.current = wanted;
    if (wanted === file.original) restoreTimes(file);
  }

  /** Every file back to its original bytes and times. Synchronous, so it can run in a signal or exit handler. */
  restore(): void {
    if (this.kept) return;
    for (const file of this.files.values()) {
      if (file.current.equals(file.original)) continue;
      try {
        loadWriteFileAtomic().sync(file.absolute, file.original);
        file.current = file.original;
        restoreTimes(file);
      } catch {
        // Nothing better to do for one file than to go on with the others.
      }
    }
  }

  /** The tree as it is now is the result: `restore` does nothing from here on. */
  keep(): void {
    this.kept = true;
  }

  private entry(path: string): Kept {
    const file = this.files.get(path);
    if (file === undefined) throw new Error(`${path} is not part of the verified migration`);
    return file;
  }

  private checkUntouched(path: string, file: Kept): void {
    let onDisk: Buffer;
    try {
      onDisk = readFileSync(file.absolute);
    } catch {
      throw new OperationError(`${path} disappeared while the tests ran; migrate put back every other file and stopped`);
    }
    if (!onDisk.equals(file.current)) {
      // Someone else wrote it (the test command itself, or a person): theirs is kept, not overwritten.
      file.current = onDisk;
      file.original = onDisk;
      throw new OperationError(`${path} was changed by something else while the tests ran; it is left as it is now, every other file is as before — run migrate again`);
    }
  }
}

function restoreTimes(file: Kept): void {
  try {
    utimesSync(file.absolute, file.atime, file.mtime);
  } catch {
    // Times are a courtesy to build tools; the content is what matters.
  }
}
