/**
 * Which files `migrate` and `audit` look at: the paths the user named (files, folders, globs), minus
 * what git ignores, what the user ignores, and what must never be rewritten (dependencies, build output,
 * vendored code). Symbolic links are never followed, so a link loop cannot trap the walk.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../errors.js';
import { GitignoreRules, findGitTopLevel } from './gitignore.js';

export const SOURCE_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'] as const;

/** Python sources; `.pyi` stubs only declare types. */
export const PYTHON_EXTENSIONS = ['.py'] as const;

/** Folders that hold dependencies, build output, vendored code or git's own data, wherever they are. */
export const NEVER_ENTERED = [
  'node_modules',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  'vendor',
  'third_party',
  '.git',
  // Python's installed packages, virtual environments and caches.
  'site-packages',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.nox',
  '.eggs',
];

/** A folder holding this file is a virtual environment, whatever its name. */
const VIRTUALENV_MARKER = 'pyvenv.cfg';

const neverEntered = new Set(NEVER_ENTERED);

export interface DiscoverOptions {
  /** Project root (real path): results are relative to it and nothing outside it is touched. */
  root: string;
  /** Folder the user's paths are relative to (real path). */
  cwd: string;
  /** Files, folders and glob patterns; empty means the current folder. */
  paths: string[];
  /** Extra patterns in .gitignore syntax, relative to the project root. */
  ignore?: string[];
}

export interface SkippedFile {
  /** Relative to the project root, with `/` separators. */
  path: string;
  reason: string;
}

export interface Discovery {
  /** Source files to process, relative to the project root with `/` separators, sorted. */
  files: string[];
  /** Files (and links) that were looked at and deliberately left out, sorted by path. */
  skipped: SkippedFile[];
}

type Kind = 'source' | 'declaration' | 'other';

function kindOf(fileName: string): Kind {
  const lower = fileName.toLowerCase();
  if (PYTHON_EXTENSIONS.some((extension) => lower.endsWith(extension))) return 'source';
  if (!SOURCE_EXTENSIONS.some((extension) => lower.endsWith(extension))) return 'other';
  if (/\.d\.[mc]?ts$/.test(lower)) return 'declaration';
  return 'source';
}

function toPosix(relative: string): string {
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

class Collector {
  private readonly files = new Set<string>();
  private readonly skipped = new Map<string, string>();
  private readonly gitignore: GitignoreRules;
  private readonly userIgnore: Ignore | undefined;
  private readonly linkedFolders = new Map<string, boolean>();

  /** The root followed by one separator. */
  private readonly rootPrefix: string;

  constructor(private readonly options: DiscoverOptions) {
    this.rootPrefix = options.root.endsWith(path.sep) ? options.root : options.root + path.sep;
    this.gitignore = new GitignoreRules(findGitTopLevel(options.root) ?? options.root);
    const patterns = options.ignore?.filter((pattern) => pattern.trim() !== '') ?? [];
    this.userIgnore = patterns.length > 0 ? ignore().add(patterns) : undefined;
  }

  result(): Discovery {
    const files = [...this.files].sort(compareCodeUnits);
    const skipped = [...this.skipped]
      .filter(([file]) => !this.files.has(file))
      .map(([file, reason]) => ({ path: file, reason }))
      .sort((a, b) => compareCodeUnits(a.path, b.path));
    return { files, skipped };
  }

  relativeToRoot(absolute: string): string {
    // The walk builds normalized paths below the root, so on POSIX the relative path is a suffix.
    const prefix = this.rootPrefix;
    if (path.sep === '/' && absolute.length > prefix.length && absolute.startsWith(prefix)) return absolute.slice(prefix.length);
    return toPosix(path.relative(this.options.root, absolute));
  }

  isInsideRoot(absolute: string): boolean {
    const relative = path.relative(this.options.root, absolute);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  /** Why a path the walk reached is excluded, or undefined to keep it. Never-entered folders are checked by the caller. */
  exclusion(absolute: string, isDirectory: boolean): string | undefined {
    const relative = this.relativeToRoot(absolute);
    if (relative === '') return undefined;
    if (this.userIgnore?.ignores(relative + (isDirectory ? '/' : ''))) return 'matches --ignore';
    if (this.gitignore.isIgnored(absolute, isDirectory)) return 'ignored by .gitignore';
    return undefined;
  }

  /** The never-entered folder a path lies in, if any (judged only below the project root). */
  neverEnteredFolder(absolute: string): string | undefined {
    return this.relativeToRoot(absolute)
      .split('/')
      .find((segment) => neverEntered.has(segment));
  }

  skip(absolute: string, reason: string): void {
    const relative = this.relativeToRoot(absolute);
    if (!this.skipped.has(relative)) this.skipped.set(relative, reason);
  }

  /** Whether the folder is reached through a symbolic link, i.e. its real path differs from the path as written. */
  private isLinkedFolder(dir: string): boolean {
    let linked = this.linkedFolders.get(dir);
    if (linked === undefined) {
      try {
        linked = realpathSync(dir) !== dir;
      } catch {
        linked = true;
      }
      this.linkedFolders.set(dir, linked);
    }
    return linked;
  }

  /**
   * A path the user named or a glob matched: every rule applies, and the reason is reported. A path
   * named in full is taken even inside a folder a walk never enters (`packages/node_modules/app`
   * in a monorepo that commits its workspaces there): the user asked for it, and .gitignore still
   * keeps out an installed dependency folder.
   */
  addNamed(absolute: string, stats: Stats, options: { literal: boolean }): void {
    const folder = this.neverEnteredFolder(absolute);
    if (folder !== undefined && (!options.literal || folder === '.git')) return this.skip(absolute, `inside ${folder}, which is never migrated`);
    if (stats.isSymbolicLink()) return this.skip(absolute, describeLink(absolute));
    // `src/shared/x.ts` with `shared` linking elsewhere would write outside the project.
    if (this.isLinkedFolder(path.dirname(absolute))) return this.skip(absolute, 'inside a symbolic link to a folder (links are not followed)');
    if (stats.isDirectory()) {
      const excluded = this.exclusion(absolute, true);
      if (excluded !== undefined) return this.skip(absolute, `folder ${excluded}`);
      return this.walk(absolute);
    }
    const kind = kindOf(absolute);
    if (kind === 'other') return this.skip(absolute, `not a JavaScript, TypeScript or Python file (${[...SOURCE_EXTENSIONS, ...PYTHON_EXTENSIONS].join(', ')})`);
    if (kind === 'declaration') return this.skip(absolute, 'type declaration file');
    if (!stats.isFile()) return this.skip(absolute, 'not a regular file');
    const excluded = this.exclusion(absolute, false);
    if (excluded !== undefined) return this.skip(absolute, excluded);
    this.files.add(this.relativeToRoot(absolute));
  }

  /** Depth-first walk without following links; ignored folders are pruned, not filtered afterwards. */
  walk(start: string): void {
    const pending = [start];
    while (pending.length > 0) {
      const dir = pending.pop() as string;
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        this.skip(dir, `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        continue;
      }
      if (dir !== start && entries.some((entry) => entry.name === VIRTUALENV_MARKER)) continue;
      for (const entry of entries) this.visit(path.join(dir, entry.name), entry, pending);
    }
  }

  private visit(absolute: string, entry: Dirent, pending: string[]): void {
    const type = entry.isFile() || entry.isDirectory() || entry.isSymbolicLink() ? entry : lstatQuietly(absolute);
    if (type === undefined) return;
    if (type.isDirectory()) {
      if (neverEntered.has(entry.name) || this.exclusion(absolute, true) !== undefined) return;
      pending.push(absolute);
      return;
    }
    if (type.isSymbolicLink()) {
      if (this.exclusion(absolute, false) !== undefined) return;
      const target = statQuietly(absolute);
      if (target?.isDirectory() || kindOf(entry.name) === 'source') this.skip(absolute, describeLink(absolute));
      return;
    }
    if (kindOf(entry.name) !== 'source' || this.exclusion(absolute, false) !== undefined) return;
    if (type.isFile()) this.files.add(this.relativeToRoot(absolute));
    else this.skip(absolute, 'not a regular file');
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lstatQuietly(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function statQuietly(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function describeLink(file: string): string {
  const target = statQuietly(file);
  if (target === undefined) return 'broken symbolic link';
  return target.isDirectory() ? 'symbolic link to a folder (links are not followed)' : 'symbolic link (links are not followed)';
}

/** Expand the user's paths into the sorted list of source files to process. */
export async function discoverFiles(options: DiscoverOptions): Promise<Discovery> {
  const collector = new Collector(options);
  const named = options.paths.length > 0 ? options.paths : ['.'];
  for (const name of named) {
    const absolute = path.resolve(options.cwd, name);
    const stats = lstatQuietly(absolute);
    // A literal path wins over a glob reading of it: `pages/[id].tsx` is a real Next.js file name.
    if (stats === undefined && isDynamicPattern(name)) {
      await addGlob(collector, options, name);
      continue;
    }
    if (stats === undefined) throw new UsageError(`path not found: ${name} — check the spelling, or quote glob patterns`);
    if (!collector.isInsideRoot(absolute)) {
      throw new UsageError(`${name} is outside the project at ${options.root} — run faultline from the project that contains it`);
    }
    collector.addNamed(absolute, stats, { literal: true });
  }
  return collector.result();
}

async function addGlob(collector: Collector, options: DiscoverOptions, pattern: string): Promise<void> {
  const matches = await glob(pattern, {
    cwd: options.cwd,
    absolute: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    expandDirectories: false,
    ignore: NEVER_ENTERED.map((folder) => `**/${folder}/**`),
  });
  const inside = matches.map((match) => path.resolve(match)).filter((match) => collector.isInsideRoot(match));
  if (inside.length === 0) throw new UsageError(`no files in the project match ${pattern}`);
  for (const match of inside.sort(compareCodeUnits)) {
    const stats = lstatQuietly(match);
    if (stats !== undefined) collector.addNamed(match, stats, { literal: false });
  }
}
