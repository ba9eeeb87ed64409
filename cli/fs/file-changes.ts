import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import type * as Diff from 'diff';
import type * as SignalExit from 'signal-exit';
import type WriteFileAtomic from 'write-file-atomic';
import { noteTempFile } from './temp-files.js';
import { recordWritten } from './written-files.js';
import { UsageError } from '../errors.js';
import { lazyRequire } from '../lazy-require.js';
import { resolveInsideProject } from './project-paths.js';

const loadDiff = lazyRequire<typeof Diff>('diff');
const loadWriteFileAtomic = lazyRequire<typeof WriteFileAtomic>('write-file-atomic');
const loadSignalExit = lazyRequire<typeof SignalExit>('signal-exit');

/** A file an engine wants in the project, with the whole content it should have. */
export interface DesiredFile {
  /** Relative to the project root, posix separators. */
  path: string;
  content: string;
  /**
   * `derived`: regenerated from the catalog. `owned`: the user's once written.
   * `merged`: the engine computed new content from the file's current content (e.g. package.json).
   * All of them are only overwritten with `force` when they differ, except `merged` files,
   * whose new content already keeps everything the user wrote, and `derived` files when the
   * plan asks to refresh them (see `PlanOptions.refreshDerived`).
   */
  kind: 'derived' | 'owned' | 'merged';
  /**
   * The file is rendered from the catalog, and the next `sync` writes it again when it is missing
   * or differs: a derived file, or a page created whole. Such a file is written without waiting
   * for the disk to confirm it (no fsync); the rename still means it is never torn. Files holding
   * what only the user has (the catalog, package.json, a page's text around its generated block)
   * are left without it, and are flushed to disk before they replace the old ones.
   */
  regenerated?: boolean;
}

export type ChangeStatus = 'create' | 'update' | 'unchanged' | 'conflict' | 'overwrite';

export interface FileChange {
  path: string;
  absolutePath: string;
  kind: DesiredFile['kind'];
  status: ChangeStatus;
  /** See `DesiredFile.regenerated`. */
  regenerated?: boolean;
  /** Unified diff from the current to the desired content; empty for unchanged files. */
  diff: string;
  content: string;
}

export interface PlanOptions {
  /** Overwrite files that differ from what faultline would write. */
  force: boolean;
  /**
   * Update derived files that differ instead of reporting them as conflicts. Commands that
   * regenerate from an existing catalog (`sync`, `add`) set it: derived files belong to the
   * catalog and say so in their header. `init` leaves it off, so it never replaces a file it
   * did not write.
   */
  refreshDerived?: boolean;
  /**
   * What the caller already read of a file, if anything. A file whose content read there equals
   * the desired content is unchanged without being read a second time; any other file goes
   * through every check below.
   */
  alreadyRead?: (relativePath: string) => string | undefined;
}

/**
 * Compares what an engine wants with what is on disk. Nothing is written here, so a command can
 * show every conflict before touching anything: a run either writes all its files or none.
 */
export function planChanges(root: string, files: DesiredFile[], options: PlanOptions): FileChange[] {
  const seen = new Set<string>();
  return files.map((file) => {
    const absolutePath = resolveInsideProject(root, file.path);
    if (seen.has(absolutePath)) throw new Error(`internal: ${file.path} planned twice`);
    seen.add(absolutePath);
    const { path: relativePath, kind, content } = file;
    const regenerated = file.regenerated === true ? { regenerated: true } : {};
    if (options.alreadyRead?.(relativePath) === content) {
      return { path: relativePath, absolutePath, kind, status: 'unchanged', content, diff: '', ...regenerated };
    }
    const current = readCurrent(absolutePath, relativePath);
    if (current === undefined) return withDiff({ path: relativePath, absolutePath, kind, status: 'create', content, ...regenerated }, '');
    if (current === content) {
      return { path: relativePath, absolutePath, kind, status: 'unchanged', content, diff: '', ...regenerated };
    }
    const refreshed = kind === 'merged' || (kind === 'derived' && options.refreshDerived === true);
    const status: ChangeStatus = refreshed ? 'update' : options.force ? 'overwrite' : 'conflict';
    return withDiff({ path: relativePath, absolutePath, kind, status, content, ...regenerated }, current);
  });
}

/**
 * The change with its diff computed when first read: only dry runs and JSON output show diffs,
 * and diffing a regenerated module of a hundred thousand lines took seconds.
 */
function withDiff(change: Omit<FileChange, 'diff'>, before: string): FileChange {
  let diff: string | undefined;
  return Object.defineProperty(change, 'diff', {
    enumerable: true,
    get: () => (diff ??= patch(change.path, before, change.content)),
  }) as FileChange;
}

function readCurrent(absolutePath: string, shownPath: string): string | undefined {
  let stat;
  try {
    stat = lstatSync(absolutePath);
  } catch {
    return undefined;
  }
  // A directory where a file belongs is never removed to make room (some generators delete it recursively).
  if (stat.isDirectory()) throw new UsageError(`cannot write ${shownPath}: a directory with that name exists; move it away and run again`);
  if (!stat.isFile() && !stat.isSymbolicLink()) throw new UsageError(`cannot write ${shownPath}: it exists and is not a regular file`);
  if (stat.isSymbolicLink() && !existsSync(absolutePath)) {
    throw new UsageError(`cannot write ${shownPath}: it is a link to ${readlinkSync(absolutePath)}, which does not exist — point the link at a file, or remove it`);
  }
  return readFileSync(absolutePath, 'utf8');
}

/** The unified diff `init --dry-run` and `sync --dry-run` show for one file. */
export function patch(name: string, before: string, after: string): string {
  return loadDiff().createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 });
}

/**
 * Writes every change that is not unchanged or a conflict; each file atomically (temp file +
 * rename), flushed to disk first unless the catalog regenerates it (see `DesiredFile.regenerated`).
 *
 * The files are written one after the other without yielding: each asynchronous write took about
 * ten trips through Node's thread pool, and a sync that creates 5,000 runbook pages spent 11 s
 * waiting on them where writing in place takes 0.2 s. Ctrl-C arriving meanwhile is handled once
 * the batch is written, and reports every file. For the same batch, one exit handler keeps the
 * signal handlers that remove a temporary file on exit installed from the first file to the last:
 * each write registers its own and removes it after the rename, and the last one to go would
 * uninstall them all, to be installed again for the next file.
 */
export async function applyChanges(changes: FileChange[]): Promise<void> {
  const conflicts = changes.filter((c) => c.status === 'conflict');
  if (conflicts.length > 0) throw new Error('internal: applyChanges called with conflicts');
  const writeFileAtomic = loadWriteFileAtomic();
  const releaseExitHandlers = loadSignalExit().onExit(() => {});
  const folders = new Set<string>();
  try {
    for (const change of changes) {
      if (change.status === 'unchanged') continue;
      const folder = path.dirname(change.absolutePath);
      if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
      writeFileAtomic.sync(change.absolutePath, change.content, { encoding: 'utf8', fsync: change.regenerated !== true, tmpfileCreated: noteTempFile });
      recordWritten(change.absolutePath);
    }
  } finally {
    releaseExitHandlers();
  }
}
