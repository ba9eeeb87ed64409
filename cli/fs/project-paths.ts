import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Resolves a project-relative path and proves it stays inside the project root, following any
 * symlinks on the way. Every file faultline writes goes through here first, so a hostile name
 * (`../../x`, an absolute path, a symlinked folder pointing elsewhere) cannot escape the project.
 */
export function resolveInsideProject(root: string, relativePath: string): string {
  if (relativePath.length === 0 || relativePath.includes('\0')) {
    throw new UsageError(`refusing to write "${relativePath}": not a valid file name`);
  }
  if (path.isAbsolute(relativePath)) {
    throw new UsageError(`refusing to write ${relativePath}: paths must be relative to the project root`);
  }
  const absoluteRoot = path.resolve(root);
  const target = path.resolve(absoluteRoot, relativePath);
  if (!isWithin(absoluteRoot, target)) {
    throw new UsageError(`refusing to write ${relativePath}: it resolves outside the project root ${absoluteRoot}`);
  }
  // The nearest existing ancestor decides where the write really lands once symlinks are followed.
  // The system's realpath: Node's own walks every component with lstat, thousands of times in a sync.
  // Asked of the path itself first, so a file that exists costs one call, not a test and a call.
  const realRoot = realPathOf(absoluteRoot) ?? absoluteRoot;
  let existing = target;
  let realExisting = realPathOf(existing);
  while (realExisting === undefined && existing !== absoluteRoot) {
    existing = path.dirname(existing);
    realExisting = realPathOf(existing);
  }
  if (realExisting !== undefined && !isWithin(realRoot, realExisting)) {
    throw new UsageError(`refusing to write ${relativePath}: ${path.relative(absoluteRoot, existing) || '.'} links outside the project root`);
  }
  return target;
}

/** The path with every link resolved, or undefined when it does not exist (or a link in it leads nowhere). */
function realPathOf(absolutePath: string): string | undefined {
  try {
    return realpathSync.native(absolutePath);
  } catch {
    return undefined;
  }
}

export function isWithin(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Posix separators, for paths shown to users and stored in the catalog. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
