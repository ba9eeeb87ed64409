import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * `dir` and its parents up to the repository root (the nearest directory holding `.git`), for
 * settings a workspace package inherits from its monorepo: lockfiles, prettier config. Outside
 * a repository only `dir` itself counts, so a stray file in a home or temp directory never
 * leaks into a project's settings.
 */
export function repositoryAncestors(dir: string): string[] {
  const start = resolve(dir);
  const chain: string[] = [];
  let current = start;
  for (;;) {
    chain.push(current);
    if (existsSync(join(current, '.git'))) return chain;
    const parent = dirname(current);
    if (parent === current) return [start];
    current = parent;
  }
}
