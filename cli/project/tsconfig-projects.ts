/**
 * The TypeScript projects of a repository and which files each one compiles, read as `tsc` reads
 * them: `files`, `include` and `exclude` inherited through `extends` (each relative to the config
 * that wrote it), a directory in `include` meaning everything under it, and a root config that only
 * lists `references` standing for the projects it references. The kit must land where one of these
 * compiles it, and the settings that shape its imports are those of that project.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { compilerOptionsOf, resolveExtends, TSCONFIG_FILE } from '../../transforms/javascript/lib/tsconfig-options.js';
import { isRecord, JSONC, readJsonFileSync } from './read-json-file.js';

export interface TsconfigProject {
  /** Absolute path of the config file. */
  path: string;
  options: Record<string, unknown>;
  /** Whether it compiles nothing itself (`files: []` with `references`): a solution config. */
  solution: boolean;
  /** Absolute paths of the configs it references. */
  references: string[];
  /** Absolute paths of the configs it extends. */
  extends: string[];
  /** Plain folders its `include` names, relative to the project root (`src` for `"include": ["src"]`). */
  includedFolders: string[];
  /** Whether `tsc -p <this config>` compiles `file` (absolute). */
  covers(file: string): boolean;
}

interface FileSelection {
  files?: { base: string; entries: string[] };
  include?: { base: string; entries: string[] };
  exclude?: { base: string; entries: string[] };
}

const DEFAULT_EXCLUDE = ['node_modules', 'bower_components', 'jspm_packages'];

/** The config at `configPath`; null when it does not exist. */
export function readTsconfigProject(root: string, configPath: string): TsconfigProject | null {
  if (!existsSync(configPath) || !statSync(configPath).isFile()) return null;
  const config = readConfig(configPath);
  const selection = selectionOf(configPath, new Set());
  const options = compilerOptionsOf(configPath, (file) => readJsonFileSync(file, JSONC));
  const references = (Array.isArray(config.references) ? config.references : [])
    .map((reference) => (isRecord(reference) && typeof reference.path === 'string' ? referencedConfig(path.dirname(configPath), reference.path) : undefined))
    .filter((reference): reference is string => reference !== undefined);
  const solution = references.length > 0 && Array.isArray(selection.files?.entries) && selection.files.entries.length === 0 && !selection.include;
  const configDir = path.dirname(configPath);
  const include = selection.include ?? (selection.files ? undefined : { base: configDir, entries: ['**/*'] });
  const outDir = typeof options.outDir === 'string' ? options.outDir : undefined;
  const exclude = selection.exclude ?? { base: configDir, entries: [...DEFAULT_EXCLUDE, ...(outDir ? [outDir] : [])] };
  const includeMatchers = include ? matchers(include) : [];
  const excludeMatchers = matchers(exclude);
  const listed = new Set((selection.files?.entries ?? []).map((entry) => path.resolve(selection.files!.base, entry)));
  return {
    path: configPath,
    options,
    solution,
    references,
    extends: extendedConfigs(configPath, config),
    includedFolders: include ? plainFolders(root, include) : [],
    covers(file: string): boolean {
      if (listed.has(file)) return true;
      if (solution) return false;
      return includeMatchers.some((match) => match(file)) && !excludeMatchers.some((match) => match(file));
    },
  };
}

/**
 * Every TypeScript project at the root: `tsconfig.json`, the projects it references (and theirs),
 * and the other `tsconfig.*.json` files beside it (`tsconfig.build.json`, `tsconfig.app.json`).
 */
export function tsconfigProjects(root: string): TsconfigProject[] {
  const rootConfig = path.join(root, TSCONFIG_FILE);
  const siblings = safeReaddir(root).filter((entry) => /^tsconfig\..+\.json$/.test(entry)).map((entry) => path.join(root, entry));
  const seen = new Set<string>();
  const projects: TsconfigProject[] = [];
  const extended = new Set<string>();
  // References first: in a solution layout they are the projects that compile the code.
  const visit = (configPath: string) => {
    if (seen.has(configPath)) return;
    seen.add(configPath);
    const project = readTsconfigProject(root, configPath);
    if (!project) return;
    projects.push(project);
    for (const base of project.extends) extended.add(base);
    for (const reference of project.references) visit(reference);
  };
  visit(rootConfig);
  for (const sibling of siblings) visit(sibling);
  // A config others extend (tsconfig.base.json) holds shared options, not a project of its own.
  return projects.filter((project) => project.path === rootConfig || !extended.has(project.path));
}

/** The project that compiles `file`, preferring the root config, then the order `tsconfigProjects` gives. */
export function governingProject(projects: TsconfigProject[], file: string): TsconfigProject | undefined {
  return projects.find((project) => !project.solution && project.covers(file));
}

function selectionOf(configPath: string, seen: Set<string>): FileSelection {
  if (seen.has(configPath)) return {};
  seen.add(configPath);
  const config = readConfig(configPath);
  const base = path.dirname(configPath);
  const inherited: FileSelection = {};
  const bases = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  for (const specifier of bases) {
    if (typeof specifier !== 'string') continue;
    const basePath = resolveExtends(specifier, base);
    if (basePath !== undefined) Object.assign(inherited, selectionOf(basePath, seen));
  }
  const own = (key: 'files' | 'include' | 'exclude') =>
    Array.isArray(config[key]) ? { base, entries: (config[key] as unknown[]).filter((entry): entry is string => typeof entry === 'string') } : undefined;
  return {
    files: own('files') ?? inherited.files,
    include: own('include') ?? inherited.include,
    exclude: own('exclude') ?? inherited.exclude,
  };
}

function extendedConfigs(configPath: string, config: Record<string, unknown>): string[] {
  const bases = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  return bases
    .map((specifier) => (typeof specifier === 'string' ? resolveExtends(specifier, path.dirname(configPath)) : undefined))
    .filter((base): base is string => base !== undefined);
}

function readConfig(configPath: string): Record<string, unknown> {
  try {
    const config = readJsonFileSync(configPath, JSONC);
    return isRecord(config) ? config : {};
  } catch {
    // A broken config compiles nothing; the project's own tsc reports it.
    return {};
  }
}

function referencedConfig(fromDir: string, reference: string): string | undefined {
  const target = path.resolve(fromDir, reference);
  if (existsSync(target) && statSync(target).isDirectory()) return path.join(target, TSCONFIG_FILE);
  return target;
}

/** tsc reads an entry whose last segment has no wildcard and no extension as a folder. */
function asPattern(entry: string): string {
  const clean = entry.replace(/\\/g, '/').replace(/\/+$/, '').replace(/^\.\//, '');
  const last = clean.slice(clean.lastIndexOf('/') + 1);
  if (clean === '' || clean === '.') return '**/*';
  return /[*?]/.test(last) || /\.[A-Za-z0-9]+$/.test(last) ? clean : `${clean}/**/*`;
}

function matchers(selection: { base: string; entries: string[] }): Array<(file: string) => boolean> {
  return selection.entries.map((entry) => {
    const isMatch = picomatch(asPattern(entry), { dot: true });
    return (file: string) => {
      const relative = path.relative(selection.base, file).split(path.sep).join('/');
      return !relative.startsWith('../') && !path.isAbsolute(relative) && isMatch(relative);
    };
  });
}

/** `include` entries that are a plain folder (`src`, `./lib/`, `src/**`), relative to the project root. */
function plainFolders(root: string, include: { base: string; entries: string[] }): string[] {
  const folders: string[] = [];
  for (const entry of include.entries) {
    const clean = entry.replace(/\\/g, '/').replace(/^\.\//, '').replace(/(\/\*\*)?(\/\*(\.[^/]*)?)?\/?$/, '');
    if (clean === '' || clean === '.' || /[*?]/.test(clean) || /\.[A-Za-z0-9]+$/.test(clean)) continue;
    const relative = path.relative(root, path.resolve(include.base, clean)).split(path.sep).join('/');
    if (relative !== '' && !relative.startsWith('..')) folders.push(relative);
  }
  return folders;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
