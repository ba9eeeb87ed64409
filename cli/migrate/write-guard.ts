/**
 * Whether `migrate` may write: never over uncommitted work (unless forced), because the user could no
 * longer tell their edits from the migration's or undo one without the other.
 */
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { GitState } from './git-status.js';

const LISTED_FILES = 5;

/** Without git there is no commit to go back to: nothing is written unless the user says so. */
export function notARepository(root: string): UsageError {
  return new UsageError(`${root} is not in a git repository, so nothing was written: there would be no commit to go back to — commit the project to git first, see the changes with --dry-run, or pass --force to write anyway`);
}

/**
 * Throws a UsageError when a file to be written has uncommitted changes or git cannot say; returns
 * warnings to show otherwise. `files` are relative to `root` with `/` separators.
 */
export function checkWritesAllowed(state: GitState, root: string, files: string[]): string[] {
  if (state.kind === 'not-a-repository') throw notARepository(root);
  if (state.kind === 'unavailable') {
    throw new UsageError(`cannot check for uncommitted changes (${state.reason}) — fix git or pass --force to write anyway`);
  }
  const dirty = files.filter((file) => state.dirty.has(path.join(root, file)));
  if (dirty.length === 0) return [];
  const listed = dirty.slice(0, LISTED_FILES).join(', ');
  const more = dirty.length > LISTED_FILES ? ` and ${dirty.length - LISTED_FILES} more` : '';
  const subject = dirty.length === 1 ? '1 file to be changed has' : `${dirty.length} files to be changed have`;
  throw new UsageError(`${subject} uncommitted changes: ${listed}${more} — commit or stash them first, or pass --force`);
}
