/**
 * Git's ignore rules as git applies them: every `.gitignore` from the repository's top down to the
 * file's folder (the deepest rule that matches wins), plus `.git/info/exclude`. A file inside an
 * ignored folder stays ignored, as in git.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The folder whose `.git` holds the repository of `start`, or undefined outside any repository. */
export function findGitTopLevel(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (existsQuietly(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function existsQuietly(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function toPosix(relative: string): string {
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

export class GitignoreRules {
  private readonly rulesByDir = new Map<string, Ignore | null>();
  private readonly ignoredDirs = new Map<string, boolean>();

  /** `base` followed by one separator: a prefix test answers "inside" for normalized paths. */
  private readonly basePrefix: string;

  /** `base` is the repository's top level (or the project root outside git); rules above it do not apply. */
  constructor(private readonly base: string) {
    this.basePrefix = base.endsWith(path.sep) ? base : base + path.sep;
  }

  /** Whether git would ignore `absolutePath` (a real path under `base`). */
  isIgnored(absolutePath: string, isDirectory: boolean): boolean {
    const parent = path.dirname(absolutePath);
    if (parent !== this.base && this.isInside(parent) && this.isIgnoredDir(parent)) return true;
    return this.matchOwnRules(absolutePath, isDirectory);
  }

  private isInside(file: string): boolean {
    // Paths here are normalized (built with path.join or path.resolve), so on POSIX a prefix test is
    // exact and spares a path.relative per file and folder level.
    if (path.sep === '/') return file.length > this.basePrefix.length && file.startsWith(this.basePrefix);
    const relative = path.relative(this.base, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  private isIgnoredDir(dir: string): boolean {
    const known = this.ignoredDirs.get(dir);
    if (known !== undefined) return known;
    const ignored = this.isIgnored(dir, true);
    this.ignoredDirs.set(dir, ignored);
    return ignored;
  }

  // Walk from the file's own folder up to the top: the deepest .gitignore with a matching rule decides.
  private matchOwnRules(absolutePath: string, isDirectory: boolean): boolean {
    if (!this.isInside(absolutePath)) return false;
    let dir = path.dirname(absolutePath);
    for (;;) {
      const rules = this.rulesOf(dir);
      if (rules) {
        const relative = toPosix(path.relative(dir, absolutePath)) + (isDirectory ? '/' : '');
        const result = rules.test(relative);
        if (result.ignored) return true;
        if (result.unignored) return false;
      }
      if (dir === this.base || !this.isInside(dir)) return false;
      dir = path.dirname(dir);
    }
  }

  private rulesOf(dir: string): Ignore | null {
    const cached = this.rulesByDir.get(dir);
    if (cached !== undefined) return cached;
    const texts: string[] = [];
    // info/exclude ranks below the top-level .gitignore, so it is added first: in `ignore`, later rules win.
    if (dir === this.base) texts.push(readQuietly(path.join(dir, '.git', 'info', 'exclude')) ?? '');
    texts.push(readQuietly(path.join(dir, '.gitignore')) ?? '');
    const content = texts.join('\n');
    const rules = content.trim() === '' ? null : ignore().add(content);
    this.rulesByDir.set(dir, rules);
    return rules;
  }
}
