import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import type { Profile } from '../../catalog/model.js';
import { UsageError } from '../../errors.js';
import { packageNameFromDirectory } from '../package-name.js';
import { isTable, parseToml, tomlTable, TomlSyntaxError, type TomlTable, type TomlValue } from './pyproject-toml.js';

export type PythonFramework = 'fastapi' | 'flask';
export type PythonFormatter = 'ruff' | 'black';

/** The project's own import package: where its `__init__.py` is. */
export interface PythonPackage {
  /** Import name, e.g. `myapp`. */
  name: string;
  /** Folder relative to the project root, posix: `src/myapp` or `myapp`. */
  dir: string;
  layout: 'src' | 'flat';
}

/** What faultline needs to know about a Python project to generate a kit that fits it. */
export interface PythonProjectInfo {
  root: string;
  /** The directory is missing or holds nothing but dotfiles. */
  isEmpty: boolean;
  /** `[project] name` (or setup.cfg's `[metadata] name`), else the directory name. */
  name: string;
  /** The package the kit becomes a subpackage of; null when the project has none (yet). */
  package: PythonPackage | null;
  /** Default kit directory, posix and relative to the root: `<package dir>/errors`. */
  kitDir: string;
  /** The folder the kit's top-level package is imported from (`src` or `.`): where tests start. */
  importRoot: string;
  framework: PythonFramework | 'none';
  /** Every supported framework among the dependencies (extras included), in order of preference. */
  frameworksFound: PythonFramework[];
  /** pytest when the project configures or depends on it; unittest otherwise. */
  testRunner: 'pytest' | 'unittest';
  /** Formatters configured for the project; the kit is written PEP 8 clean for them. */
  formatters: PythonFormatter[];
  /** What kind of project it is: a web framework makes a service, console scripts a CLI, a published distribution a library. */
  profile: Profile;
  /** The logging the project already sets up, which the kit writes through; undefined when it has none (or is a library). */
  projectLogger?: PythonProjectLogger;
}

/**
 * Logging the project sets up itself: structlog or loguru among its dependencies and used in its
 * code, or a module of its package that configures the standard library's logging (`dictConfig`,
 * `fileConfig`, `basicConfig`). A module-level `logging.getLogger(__name__)` configures nothing:
 * it is how every module logs, whoever sets logging up.
 */
export interface PythonProjectLogger {
  kind: 'structlog' | 'loguru' | 'logging';
  /** The module that sets it up (or first uses it), relative to the root with posix separators. */
  path: string;
}

/** Web frameworks whose presence among the runtime dependencies makes a project a service. */
const SERVICE_DISTRIBUTIONS = ['fastapi', 'flask', 'django', 'starlette', 'aiohttp', 'sanic', 'tornado', 'falcon', 'pyramid', 'bottle', 'quart', 'litestar', 'connexion'];

/** First match wins when a project has several. */
const FRAMEWORK_PREFERENCE: readonly PythonFramework[] = ['fastapi', 'flask'];
const PYTHON_MARKERS = ['pyproject.toml', 'setup.cfg', 'setup.py', 'requirements.txt'];
/** Folders with an `__init__.py` that are not the project's package. */
const NOT_THE_PACKAGE = new Set(['tests', 'test', 'testing', 'docs', 'doc', 'examples', 'scripts', 'benchmarks', 'migrations', 'build', 'dist']);

/** A Python project and not a JavaScript one: Python packaging files and no package.json. */
export function looksLikePythonProject(dir: string): boolean {
  const root = resolve(dir);
  if (existsSync(join(root, 'package.json'))) return false;
  return PYTHON_MARKERS.some((file) => existsSync(join(root, file))) || requirementFiles(root).length > 0;
}

export function detectPythonProject(dir: string): PythonProjectInfo {
  const root = resolve(dir);
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw new UsageError(`${root} is a file, not a directory — pass the project's directory`);
  }
  const isEmpty = !existsSync(root) || readdirSync(root).every((entry) => entry.startsWith('.'));
  const pyproject = readPyproject(root);
  const setupCfg = readText(join(root, 'setup.cfg'));
  const project = tomlTable(pyproject, ['project']);
  const declaredName = stringValue(project?.name) ?? iniValue(setupCfg, 'metadata', 'name');
  const name = declaredName ?? packageNameFromDirectory(root);

  const runtime = new Set([
    ...stringsOf(project?.dependencies),
    ...Object.keys(tomlTable(pyproject, ['tool', 'poetry', 'dependencies']) ?? {}),
    ...requirementLines(iniValue(setupCfg, 'options', 'install_requires') ?? ''),
    ...requirementLines(readText(join(root, 'requirements.txt')) ?? ''),
    ...setupPyRequirements(readText(join(root, 'setup.py')) ?? ''),
  ].map(distributionName));
  const everything = new Set([...runtime, ...developmentRequirements(root, pyproject).map(distributionName)]);

  // A framework only listed as an extra (`pip install myapp[web]`) still says what the app serves with.
  const frameworksFound = FRAMEWORK_PREFERENCE.filter((framework) => everything.has(framework));
  const pkg = findPackage(root, identifierFrom(name));
  const profile = pythonProfile(isEmpty, runtime, pyproject, setupCfg, readText(join(root, 'setup.py')) ?? '');
  const fallbackName = identifierFrom(name) || 'app';
  const kitDir = pkg ? posix.join(pkg.dir, freeKitName(root, pkg.dir)) : isEmpty ? posix.join('src', fallbackName, 'errors') : freeKitName(root, '.');
  const importRoot = pkg ? (pkg.layout === 'src' ? 'src' : '.') : isEmpty ? 'src' : '.';

  return {
    root,
    isEmpty,
    name,
    package: pkg,
    kitDir,
    importRoot,
    framework: frameworksFound[0] ?? 'none',
    frameworksFound,
    testRunner: usesPytest(root, pyproject, setupCfg, everything) ? 'pytest' : 'unittest',
    formatters: formattersOf(root, pyproject),
    profile,
    ...(() => {
      // A library's kit has no logger: the application using the library sets logging up.
      const found = profile === 'library' || isEmpty ? undefined : findProjectLogger(root, pkg, runtime, kitDir);
      return found ? { projectLogger: found } : {};
    })(),
  };
}

function pythonProfile(isEmpty: boolean, runtime: Set<string>, pyproject: TomlTable, setupCfg: string | undefined, setupPy: string): Profile {
  if (isEmpty) return 'service';
  if (SERVICE_DISTRIBUTIONS.some((name) => runtime.has(name))) return 'service';
  const scripts = tomlTable(pyproject, ['project', 'scripts']) ?? tomlTable(pyproject, ['tool', 'poetry', 'scripts']);
  const consoleScripts = (scripts !== undefined && Object.keys(scripts).length > 0) || /console_scripts/.test(`${setupCfg ?? ''}\n${setupPy}`);
  if (consoleScripts) return 'cli';
  // A distribution with a name and a version is published for others to import.
  const project = tomlTable(pyproject, ['project']) ?? tomlTable(pyproject, ['tool', 'poetry']);
  const published = (project !== undefined && project.name !== undefined) || iniValue(setupCfg, 'metadata', 'name') !== undefined || /\bsetup\s*\(/.test(setupPy);
  return published ? 'library' : 'service';
}

/** `My-App.core` → `my_app_core`: a distribution name as the import name it conventionally has. */
export function identifierFrom(name: string): string {
  const identifier = name.trim().toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(identifier) ? `_${identifier}` : identifier;
}

function readPyproject(root: string): TomlTable {
  const file = join(root, 'pyproject.toml');
  const text = readText(file);
  if (text === undefined) return {};
  try {
    return parseToml(text);
  } catch (error) {
    if (!(error instanceof TomlSyntaxError)) throw error;
    throw new UsageError(`${file}:${error.line}: ${error.reason} — fix pyproject.toml and run again`);
  }
}

const STRUCTLOG_USE = /^\s*(?:import structlog\b|from structlog\b)/m;
const LOGURU_USE = /^\s*from loguru import\b/m;
const STRUCTLOG_SETUP = /\bstructlog\.configure\s*\(/;
const LOGGING_SETUP = /\b(?:dictConfig|fileConfig|basicConfig)\s*\(/;
const MAX_SCANNED_FILES = 2000;

function findProjectLogger(root: string, pkg: PythonPackage | null, runtime: Set<string>, kitDir: string): PythonProjectLogger | undefined {
  const files = pythonFilesUnder(root, pkg ? pkg.dir : '.', kitDir);
  const first = (pattern: RegExp) => files.find((file) => pattern.test(readText(join(root, file)) ?? ''));
  if (runtime.has('structlog')) {
    const path = first(STRUCTLOG_SETUP) ?? first(STRUCTLOG_USE);
    if (path) return { kind: 'structlog', path };
  }
  if (runtime.has('loguru')) {
    const path = first(LOGURU_USE);
    if (path) return { kind: 'loguru', path };
  }
  const path = first(LOGGING_SETUP);
  return path ? { kind: 'logging', path } : undefined;
}

/** The package's Python files (the kit's, tests' and virtual environments' left out), in a stable order. */
function pythonFilesUnder(root: string, folder: string, kitDir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    if (found.length >= MAX_SCANNED_FILES) return;
    const dir = join(root, relative);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = relative === '.' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || NOT_THE_PACKAGE.has(entry.name) || ['node_modules', '__pycache__', 'site-packages', 'venv'].includes(entry.name) || path === kitDir) continue;
        if (existsSync(join(root, path, 'pyvenv.cfg'))) continue;
        walk(path);
      } else if (entry.isFile() && entry.name.endsWith('.py') && !/^(test_.*|.*_test|conftest)\.py$/.test(entry.name)) {
        found.push(path);
      }
    }
  };
  walk(folder);
  return found;
}

/** Names for the kit's subpackage, tried in order until one is free. */
const KIT_NAMES = ['errors', 'error_kit', 'faultline_errors'];

/**
 * The first kit name under `parent` that the project does not use: no folder of that name (a kit
 * faultline generated there is its own), and no module `errors.py` that the package would shadow.
 */
function freeKitName(root: string, parent: string): string {
  const taken = (name: string) => {
    const dir = join(root, parent, name);
    if (['.py', '.pyi', '.pyc'].some((extension) => existsSync(`${dir}${extension}`))) return true;
    if (!existsSync(dir)) return false;
    return !/Generated by faultline from/.test(readText(join(dir, 'app_error.py')) ?? '');
  };
  return KIT_NAMES.find((name) => !taken(name)) ?? KIT_NAMES[KIT_NAMES.length - 1]!;
}

function findPackage(root: string, preferredName: string): PythonPackage | null {
  const candidates = [
    ...packagesIn(root, 'src').map((name): PythonPackage => ({ name, dir: `src/${name}`, layout: 'src' })),
    ...packagesIn(root, '.').map((name): PythonPackage => ({ name, dir: name, layout: 'flat' })),
  ];
  return candidates.find((candidate) => candidate.name === preferredName) ?? candidates[0] ?? null;
}

/** Importable packages directly in `folder`, sorted so the choice is the same on every machine. */
function packagesIn(root: string, folder: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.name) && !NOT_THE_PACKAGE.has(entry.name))
    .filter((entry) => existsSync(join(dir, entry.name, '__init__.py')))
    .map((entry) => entry.name)
    .sort();
}

function usesPytest(root: string, pyproject: TomlTable, setupCfg: string | undefined, requirements: Set<string>): boolean {
  if (tomlTable(pyproject, ['tool', 'pytest'])) return true;
  if (['pytest.ini', 'conftest.py', 'tests/conftest.py', 'test/conftest.py'].some((file) => existsSync(join(root, file)))) return true;
  if (setupCfg !== undefined && /^\[tool:pytest\]/m.test(setupCfg)) return true;
  if (/^\[pytest\]/m.test(readText(join(root, 'tox.ini')) ?? '')) return true;
  return requirements.has('pytest');
}

function formattersOf(root: string, pyproject: TomlTable): PythonFormatter[] {
  const formatters: PythonFormatter[] = [];
  if (tomlTable(pyproject, ['tool', 'ruff']) || existsSync(join(root, 'ruff.toml')) || existsSync(join(root, '.ruff.toml'))) formatters.push('ruff');
  if (tomlTable(pyproject, ['tool', 'black'])) formatters.push('black');
  return formatters;
}

/** Requirements that only development needs: optional extras, dependency groups, Poetry groups, requirements-dev files. */
function developmentRequirements(root: string, pyproject: TomlTable): string[] {
  const found: string[] = [];
  for (const extra of Object.values(tomlTable(pyproject, ['project', 'optional-dependencies']) ?? {})) found.push(...stringsOf(extra));
  for (const group of Object.values(tomlTable(pyproject, ['dependency-groups']) ?? {})) found.push(...stringsOf(group));
  for (const group of Object.values(tomlTable(pyproject, ['tool', 'poetry', 'group']) ?? {})) {
    if (isTable(group)) found.push(...Object.keys(tomlTable(group, ['dependencies']) ?? {}));
  }
  found.push(...Object.keys(tomlTable(pyproject, ['tool', 'poetry', 'dev-dependencies']) ?? {}));
  for (const file of requirementFiles(root)) found.push(...requirementLines(readText(join(root, file)) ?? ''));
  return found;
}

/** `requirements*.txt` at the root and in a `requirements/` folder. */
function requirementFiles(root: string): string[] {
  const files: string[] = [];
  if (existsSync(root) && statSync(root).isDirectory()) {
    files.push(...readdirSync(root).filter((file) => /^requirements.*\.(txt|in)$/.test(file)));
  }
  const folder = join(root, 'requirements');
  if (existsSync(folder) && statSync(folder).isDirectory()) {
    files.push(...readdirSync(folder).filter((file) => /\.(txt|in)$/.test(file)).map((file) => `requirements/${file}`));
  }
  return files;
}

function requirementLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('-'));
}

/** Quoted requirement-looking strings in a setup.py; enough to spot a framework, without running it. */
function setupPyRequirements(text: string): string[] {
  return [...text.matchAll(/['"]([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[<>=!~;][^'"]*)?['"]/g)].map((match) => match[1] as string);
}

/** `Flask[async]>=3.0 ; python_version>"3.8"` → `flask` (normalized as PEP 503 names are). */
function distributionName(requirement: string): string {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement);
  return (match?.[1] ?? '').toLowerCase().replace(/[-_.]+/g, '-');
}

/** One value from an INI file, with continuation lines joined (setup.cfg's `install_requires`). */
function iniValue(text: string | undefined, section: string, key: string): string | undefined {
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) {
      inSection = header[1]?.trim() === section;
      continue;
    }
    const entry = new RegExp(`^${key}\\s*[=:]\\s*(.*)$`).exec(line);
    if (!inSection || !entry) continue;
    const values = [entry[1] ?? ''];
    while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1] as string)) values.push((lines[++i] as string).trim());
    return values.join('\n').trim();
  }
  return undefined;
}

function stringsOf(value: TomlValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function stringValue(value: TomlValue | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function readText(file: string): string | undefined {
  try {
    return statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
