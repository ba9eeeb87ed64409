import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { compilerOptionsOf, TSCONFIG_FILE } from '../../transforms/javascript/lib/tsconfig-options.js';
import { isRecord, JSONC, readJsonFileSync } from './read-json-file.js';

export type JsTestRunner = 'vitest' | 'jest' | 'mocha' | 'node:test';

/** c8 or nyc demanding coverage around the runner, and the file holding its settings: an rc file, package.json, or none yet. */
export interface CoverageWrapper {
  tool: 'c8' | 'nyc';
  /** Relative path of the rc file it reads (`.c8rc.json`, `.nycrc`), or `package.json` for its key there; absent when it has no settings but flags. */
  configFile?: string;
}

/** How a project runs its tests: which runner, what it collects, how it loads TypeScript, what coverage it demands. */
export interface TestSetup {
  runner: JsTestRunner;
  /**
   * Globs of the files the runner collects, relative to the project root. Jest's are matched
   * under each of `roots`; the others' against the path from the root.
   */
  patterns: string[];
  /** Jest's `roots` (posix, relative, `.` for the project root); `['.']` for other runners. */
  roots: string[];
  /** Jest's `testRegex`, used instead of `patterns` when set: matched against the file's path. */
  testRegex?: string[];
  /**
   * The module that lets the runner load TypeScript, as the project already uses it: `tsx`,
   * `ts-node/register`, `ts-node/esm`, `@swc/register`, `@swc-node/register`, `esbuild-register`,
   * `@babel/register`. null when the project has none (or the runner needs none: vitest, jest).
   */
  typescriptLoader: string | null;
  /** The project demands a coverage level (jest coverageThreshold, vitest thresholds, c8/nyc check-coverage). */
  coverageThresholds: boolean;
  /** The tool around the runner whose thresholds those are (`c8 --100 node --test`), when it is not the runner itself. */
  coverageWrapper?: CoverageWrapper;
  /** Relative posix paths of test files the project already has, a few at most, to copy their naming and place. */
  existingTests: string[];
  /** Flags the runner needs to run the kit's test file alone as the project's tests run (mocha: its loader, without its config's spec). */
  runFlags: string[];
  /** Top folders that package.json `files` publishes. */
  publishedFolders: string[];
  /** The project's tsconfig compiles its sources into an output folder. */
  buildEmits: boolean;  /**
   * The project's tests run under AVA, which the kit's test is not written for: AVA fails on any
   * file it collects that declares no AVA test, and collects none whose name starts with `_`.
   */
  avaCollects?: true;
}

const LOADERS = ['tsx', 'ts-node/register/transpile-only', 'ts-node/register', 'ts-node/esm', '@swc-node/register', '@swc/register', 'esbuild-register', '@babel/register', 'tsx/cjs', 'tsx/esm'];

export const JEST_CONFIG_FILES = ['jest.config.json', 'jest.config.js', 'jest.config.cjs', 'jest.config.mjs', 'jest.config.ts', 'jest.config.mts', 'jest.config.cts'];
export const VITEST_CONFIG_FILES = ['vitest.config.ts', 'vitest.config.mts', 'vitest.config.js', 'vitest.config.mjs', 'vitest.config.cjs', 'vite.config.ts', 'vite.config.mts', 'vite.config.js', 'vite.config.mjs'];
const JEST_DEFAULT_MATCH = ['**/__tests__/**/*.[jt]s?(x)', '**/?(*.)+(spec|test).[jt]s?(x)'];
const VITEST_DEFAULT_INCLUDE = ['**/*.{test,spec}.?(c|m)[jt]s?(x)'];
const MOCHA_DEFAULT_SPEC = ['test/*.{js,cjs,mjs}'];
/** What `node --test` runs when given no paths (Node 20). */
const NODE_TEST_DEFAULTS = ['**/*.test.?(c|m)js', '**/*-test.?(c|m)js', '**/*_test.?(c|m)js', '**/test-*.?(c|m)js', '**/test.?(c|m)js', '**/test/**/*.?(c|m)js'];
const NEVER_TESTS = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/.*/**'];

/**
 * Reads how the project tests itself: the runner from its dependencies and test script, and
 * from that runner's configuration the files it collects, the TypeScript loader and coverage
 * thresholds. Config files that are code (jest.config.js, vitest.config.ts) are read as text,
 * never run: only literal settings are understood.
 */
export async function detectTestSetup(root: string, packageJson: Record<string, unknown>): Promise<TestSetup> {
  const scripts = isRecord(packageJson.scripts) ? (packageJson.scripts as Record<string, unknown>) : {};
  const testScript = expandScripts(typeof scripts.test === 'string' ? scripts.test : '', scripts);
  const dependencies = new Set<string>();
  for (const field of ['dependencies', 'devDependencies']) {
    if (isRecord(packageJson[field])) for (const name of Object.keys(packageJson[field] as object)) dependencies.add(name);
  }
  const runner = detectRunner(testScript, dependencies);
  const avaCollects = /\bava\b/.test(testScript) || dependencies.has('ava');
  const setup = readRunnerConfig(root, runner, packageJson, testScript);
  const coverageWrapper = wrapperThresholds(root, packageJson, testScript);
  const coverageThresholds = setup.coverageThresholds || coverageWrapper !== undefined;
  const globs = setup.testRegex ? ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'] : setup.patterns;
  const existingTests = (await glob(setup.roots.flatMap((r) => globs.map((p) => (r === '.' ? p : posix.join(r, p)))), { cwd: root, ignore: NEVER_TESTS }))
    .filter((file) => setup.testRegex === undefined || collects(setup, file))
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .slice(0, 20);
  let typescriptLoader = setup.typescriptLoader ?? loaderIn(testScript);
  if (typescriptLoader === null && (runner === 'mocha' || runner === 'node:test')) {
    typescriptLoader = LOADERS.find((loader) => dependencies.has(loader.split('/')[0] === '@swc' || loader.startsWith('@') ? loader.split('/').slice(0, 2).join('/') : loader.split('/')[0]!)) ?? null;
  }
  return {
    runner,
    patterns: setup.patterns,
    roots: setup.roots,
    ...(setup.testRegex ? { testRegex: setup.testRegex } : {}),
    typescriptLoader,
    coverageThresholds,
    ...(coverageWrapper ? { coverageWrapper } : {}),
    existingTests,
    runFlags: setup.runFlags ?? [],
    ...shippedSources(root, packageJson),
    ...(avaCollects ? { avaCollects: true as const } : {}),
  };
}

/**
 * The test script with the scripts it runs through the package manager (`npm run test:unit`)
 * written in place, so the runner and its flags are read from what `npm test` actually runs.
 */
function expandScripts(command: string, scripts: Record<string, unknown>, depth = 0): string {
  if (depth > 3) return command;
  return command.replace(/\b(?:npm\s+run(?:-script)?|pnpm(?:\s+run)?|yarn(?:\s+run)?)\s+([\w:.-]+)(?=\s*(?:$|&&|\|\||;))/g, (whole, name: string) => {
    const script = name === 'test' ? undefined : scripts[name];
    return typeof script === 'string' ? expandScripts(script, scripts, depth + 1) : whole;
  });
}

function detectRunner(testScript: string, dependencies: Set<string>): JsTestRunner {
  // The test script says what actually runs; dependencies can hold a runner on its way out.
  if (/\bvitest\b/.test(testScript)) return 'vitest';
  if (/\bjest\b/.test(testScript)) return 'jest';
  if (/\bmocha\b/.test(testScript)) return 'mocha';
  if (/\b(node|tsx)\b[^&|;]*\s--test\b/.test(testScript)) return 'node:test';
  if (dependencies.has('vitest')) return 'vitest';
  if (dependencies.has('jest')) return 'jest';
  if (dependencies.has('mocha')) return 'mocha';
  return 'node:test';
}

interface RunnerConfig {
  runFlags?: string[];
  patterns: string[];
  roots: string[];
  testRegex?: string[];
  typescriptLoader: string | null;
  coverageThresholds: boolean;
}

function readRunnerConfig(root: string, runner: JsTestRunner, packageJson: Record<string, unknown>, testScript: string): RunnerConfig {
  switch (runner) {
    case 'jest': {
      const fromPackage = isRecord(packageJson.jest) ? (packageJson.jest as Record<string, unknown>) : null;
      const text = fromPackage ? JSON.stringify(fromPackage) : configText(root, JEST_CONFIG_FILES);
      // Paths in jest's settings start from `rootDir` (`<rootDir>` names it), and `roots` defaults to it.
      const rootDir = posix.normalize(stringArray(text, 'rootDir')?.[0]?.replace(/^\.\//, '') || '.');
      const fromRootDir = (setting: string) => setting.replace(/^<rootDir>\/?/, rootDir === '.' ? '' : `${rootDir}/`);
      const roots = stringArray(text, 'roots')?.map((r) => posix.normalize(fromRootDir(r) || '.')) ?? [rootDir];
      const testRegex = stringArray(text, 'testRegex')?.map(unescapeStringLiteral);
      return {
        patterns: stringArray(text, 'testMatch')?.map((p) => fromRootDir(p)) ?? (testRegex ? [] : JEST_DEFAULT_MATCH),
        roots,
        ...(testRegex && !/\btestMatch\b/.test(text) ? { testRegex } : {}),
        typescriptLoader: null,
        coverageThresholds: /coverageThreshold/.test(text),
      };
    }
    case 'vitest': {
      const text = configText(root, VITEST_CONFIG_FILES);
      const testSection = text.slice(Math.max(0, text.search(/\btest\s*:/)));
      const coverageAt = testSection.search(/\bcoverage\s*:/);
      const beforeCoverage = coverageAt >= 0 ? testSection.slice(0, coverageAt) : testSection;
      const coverage = coverageAt >= 0 ? testSection.slice(coverageAt) : '';
      return {
        patterns: stringArray(beforeCoverage, 'include') ?? VITEST_DEFAULT_INCLUDE,
        roots: ['.'],
        typescriptLoader: null,
        coverageThresholds: /\b(thresholds|lines|branches|functions|statements)\s*:/.test(coverage),
      };
    }
    case 'mocha': {
      const config = mochaConfig(root, packageJson);
      const fromScript = scriptSpecs(testScript, 'mocha');
      const spec = fromScript.length > 0 ? fromScript : config.spec.length > 0 ? config.spec : MOCHA_DEFAULT_SPEC;
      const extensions = config.extension;
      const recursive = config.recursive || /\s--recursive\b/.test(testScript);
      const scriptLoader = loaderIn(testScript);
      // mocha adds the files it is given to its config's `spec` instead of replacing them: running one
      // file alone means leaving the config out and passing on what it loads.
      const ignoreConfig = config.source === 'file' ? ['--no-config'] : config.source === 'package' ? ['--no-package'] : [];
      return {
        patterns: spec.flatMap((entry) => mochaPatterns(root, entry, extensions, recursive)),
        roots: ['.'],
        typescriptLoader: config.requires.find((r) => LOADERS.includes(r)) ?? null,
        coverageThresholds: false,
        runFlags: config.spec.length > 0 ? [...ignoreConfig, ...config.flags] : scriptLoader ? [`--require ${scriptLoader}`] : [],
      };
    }
    case 'node:test': {
      const fromScript = scriptSpecs(testScript, '--test');
      return { patterns: fromScript.length > 0 ? fromScript : NODE_TEST_DEFAULTS, roots: ['.'], typescriptLoader: null, coverageThresholds: false };
    }
  }
}

/** The text of the first config file that exists, or '' when none does. */
function configText(root: string, names: string[]): string {
  const file = names.map((name) => join(root, name)).find((path) => existsSync(path));
  return file ? readFileSync(file, 'utf8') : '';
}

/** A string as written in JSON or JavaScript source (`'\\.spec\\.ts$'`) with its escapes undone. */
function unescapeStringLiteral(raw: string): string {
  return raw.replace(/\\(.)/g, '$1');
}

/** The string literals of `key: [ ... ]` (or `"key": [ ... ]`, or `key: '…'`) in config text. */
function stringArray(text: string, key: string): string[] | null {
  const list = new RegExp(`["']?\\b${key}["']?\\s*:\\s*\\[([^\\]]*)\\]`).exec(text);
  const single = new RegExp(`["']?\\b${key}["']?\\s*:\\s*(['"\`][^'"\`]*['"\`])`).exec(text);
  const body = list?.[1] ?? single?.[1];
  if (body === undefined) return null;
  return [...body.matchAll(/(['"`])((?:(?!\1).)*)\1/g)].map((m) => m[2]!);
}

interface MochaConfig {
  spec: string[];
  extension: string[];
  requires: string[];
  recursive: boolean;
  /** The config's `require` and `node-option` entries as command-line flags. */
  flags: string[];
  /** Where the settings came from: a .mocharc file, package.json `mocha`, or nowhere. */
  source: 'file' | 'package' | null;
}

function mochaConfig(root: string, packageJson: Record<string, unknown>): MochaConfig {
  let settings: Record<string, unknown> = {};
  let source: MochaConfig['source'] = null;
  const jsonFile = ['.mocharc.json', '.mocharc.jsonc'].map((name) => join(root, name)).find((path) => existsSync(path));
  let listOf: (key: string) => string[];
  if (jsonFile || !isRecord(packageJson.mocha)) {
    const text = jsonFile ? '' : configText(root, ['.mocharc.js', '.mocharc.cjs', '.mocharc.yaml', '.mocharc.yml']);
    if (jsonFile) {
      const parsed = readJsonFileSync(jsonFile, JSONC);
      if (isRecord(parsed)) settings = parsed;
    }
    if (jsonFile || text !== '') source = 'file';
    listOf = jsonFile ? (key) => listSetting(settings, key) : (key) => stringArray(text, key) ?? yamlList(text, key);
    if (!jsonFile) settings = { recursive: /\brecursive\s*:\s*true/.test(text) };
  } else {
    settings = packageJson.mocha as Record<string, unknown>;
    source = 'package';
    listOf = (key) => listSetting(settings, key);
  }
  const nodeOptions = listOf('node-option');
  return {
    spec: listOf('spec'),
    extension: listOf('extension'),
    requires: [...listOf('require'), ...nodeOptions.map((option) => option.replace(/^(import|loader|require)=/, ''))],
    recursive: settings.recursive === true,
    flags: [...listOf('require').map((entry) => `--require ${entry}`), ...nodeOptions.map((option) => `--node-option ${option}`)],
    source,
  };
}

function listSetting(settings: Record<string, unknown>, key: string): string[] {
  const value = settings[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
}

/** A YAML `key: value` or `key:` followed by `- value` lines; enough for mocha's flat config files. */
function yamlList(text: string, key: string): string[] {
  const inline = new RegExp(`^${key}\\s*:\\s*(\\S.*)$`, 'm').exec(text);
  if (inline) return [inline[1]!.trim().replace(/^['"]|['"]$/g, '')];
  const block = new RegExp(`^${key}\\s*:\\s*\\n((?:\\s+-\\s*.*\\n?)+)`, 'm').exec(text);
  return block ? [...block[1]!.matchAll(/-\s*(.+)/g)].map((m) => m[1]!.trim().replace(/^['"]|['"]$/g, '')) : [];
}

/** A mocha spec entry as globs: a directory means its files with mocha's extensions (recursively with `recursive`). */
function mochaPatterns(root: string, entry: string, extensions: string[], recursive: boolean): string[] {
  const spec = entry.replace(/^\.\//, '').replace(/\/+$/, '');
  const isDirectory = !/[*?{}[\]]/.test(spec) && existsSync(join(root, spec)) && !/\.[cm]?[jt]sx?$/.test(spec);
  if (!isDirectory) return [spec];
  const exts = extensions.length > 0 ? extensions.map((e) => e.replace(/^\./, '')) : ['js', 'cjs', 'mjs'];
  const ext = exts.length === 1 ? exts[0] : `{${exts.join(',')}}`;
  return [`${spec}/${recursive ? '**/' : ''}*.${ext}`];
}

/** Paths and globs passed to a command in the test script, after `marker` (a binary or `--test`). */
function scriptSpecs(testScript: string, marker: string): string[] {
  const command = testScript.split(/&&|\|\||;/).find((part) => part.includes(marker));
  if (!command) return [];
  const words = command.slice(command.indexOf(marker) + marker.length).trim().split(/\s+/).filter(Boolean);
  const specs: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('-')) {
      // Options that take a value as the next word.
      if (/^(-r|--require|--import|--loader|--reporter|-R|--timeout|-t|--ui|-u|--config|--extension|--grep|-g|--test-reporter|--test-reporter-destination)$/.test(word)) i++;
      continue;
    }
    specs.push(word.replace(/^['"]|['"]$/g, '').replace(/^\.\//, ''));
  }
  return specs;
}

function loaderIn(testScript: string): string | null {
  const match = /(?:--import|--loader|--require|-r)[ =]['"]?([@\w./-]+)/.exec(testScript);
  if (match && LOADERS.includes(match[1]!)) return match[1]!;
  if (/(^|\s)tsx\s/.test(testScript)) return 'tsx';
  return null;
}

/** Where c8 and nyc look for settings, in their order; JSON ones only, which init can edit. */
const WRAPPER_RC_FILES = { c8: ['.c8rc', '.c8rc.json', '.nycrc', '.nycrc.json'], nyc: ['.nycrc', '.nycrc.json', '.nycrc.yaml', '.nycrc.yml', 'nyc.config.js', 'nyc.config.cjs', 'nyc.config.mjs'] } as const;

/**
 * c8 and nyc thresholds, which wrap any runner: `--check-coverage`, `--100` or `--lines 90` on the
 * command line, or `check-coverage` in their settings (an rc file, else package.json's key).
 */
function wrapperThresholds(root: string, packageJson: Record<string, unknown>, testScript: string): CoverageWrapper | undefined {
  const commands = testScript.split(/&&|\|\||;/);
  for (const tool of ['c8', 'nyc'] as const) {
    const invoked = commands.find((command) => new RegExp(`(^|\\s)${tool}\\s`).test(command));
    const rcName = WRAPPER_RC_FILES[tool].find((name) => existsSync(join(root, name)));
    const settings = rcName ? readRc(join(root, rcName)) : isRecord(packageJson[tool]) ? (packageJson[tool] as Record<string, unknown>) : undefined;
    const configFile = rcName ?? (isRecord(packageJson[tool]) ? 'package.json' : undefined);
    const fromFlags = invoked !== undefined && new RegExp(`\\b${tool}\\b[^&|;]*\\s(--check-coverage|--100|--(lines|branches|functions|statements)[ =]\\d)`).test(invoked);
    const fromSettings = settings !== undefined && (settings['check-coverage'] === true || settings.checkCoverage === true || settings['100'] === true);
    if (fromFlags || (invoked !== undefined && fromSettings)) return { tool, ...(configFile ? { configFile } : {}) };
  }
  return undefined;
}

function readRc(file: string): Record<string, unknown> | undefined {
  if (!/(\.json|rc)$/.test(file)) return { 'check-coverage': /check-?coverage['"]?\s*:\s*true/i.test(readFileSync(file, 'utf8')) };
  const parsed = readJsonFileSync(file, JSONC);
  return isRecord(parsed) ? parsed : undefined;
}

/** The runner collects this file: under one of its roots and matching one of its patterns (or, for jest's testRegex, its regular expressions). */
export function collects(setup: Pick<TestSetup, 'patterns' | 'roots' | 'testRegex'>, file: string): boolean {
  return setup.roots.some((root) => {
    const relative = root === '.' ? file : file.startsWith(`${root}/`) ? file.slice(root.length + 1) : null;
    if (relative === null) return false;
    // jest tests testRegex against the file's absolute path; from the project root on is what decides.
    if (setup.testRegex) return setup.testRegex.some((source) => safeRegExp(source)?.test(`/${file}`) ?? false);
    return setup.patterns.some((pattern) => picomatch(pattern.replace(/^\.\//, ''))(relative));
  });
}

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/** Folders that hold only tests, by the names projects give them. */
const TEST_FOLDERS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'e2e']);

/**
 * Where the kit's test file goes: where the project keeps its own tests (beside the code, or in
 * a test folder, named as its tests are named), and always somewhere the runner collects it.
 * A project with no tests yet gets it beside the kit, unless the kit's folder is compiled into
 * build output or published, which a test folder keeps the test out of. Falls back to the kit's
 * folder when no candidate is collected; `collected` then says so.
 */
export function placeKitTest(setup: TestSetup, kitDir: string, extension: string): { path: string; collected: boolean } {
  const suffixes = uniq([...setup.existingTests.map(testSuffix).filter((s): s is string => s !== null), '.test', '.spec', '']);
  const kitTop = kitDir.split('/')[0]!;
  const inKitTop = (folder: string) => kitTop !== kitDir && (folder === kitTop || folder.startsWith(`${kitTop}/`));
  // A test folder inside the sources (`src/users/__tests__`) is the habit of keeping tests in a
  // folder beside the code they test: the kit's gets one beside the kit, not in another module's.
  const folders = setup.existingTests.map(testFolderOf).filter((f): f is string => f !== null);
  const besideCodeFolders = uniq(folders.filter((folder) => inKitTop(posix.dirname(folder))).map((folder) => posix.basename(folder)));
  const besideKit = suffixes.flatMap((suffix) => [
    ...besideCodeFolders.map((name) => `${kitDir}/${name}/kit${suffix}.${extension}`),
    `${kitDir}/kit${suffix}.${extension}`,
    `${kitDir}/__tests__/kit${suffix}.${extension}`,
  ]);
  const testFolders = uniq([
    ...folders.filter((folder) => !inKitTop(posix.dirname(folder))),
    ...setup.roots.filter((r) => r !== '.' && !inKitTop(r)),
    ...setup.patterns.map(staticPrefix).filter((f) => f !== '' && TEST_FOLDERS.has(f.split('/').pop()!)),
    'test',
  ]);
  const inTestFolders = testFolders.flatMap((folder) =>
    suffixes.flatMap((suffix) => [`${folder}/errors/kit${suffix}.${extension}`, `${folder}/error-kit${suffix}.${extension}`]),
  );
  const outsideSources = setup.buildEmits || setup.publishedFolders.includes(kitTop);
  const testsBesideCode =
    besideCodeFolders.length > 0 || setup.existingTests.some((file) => testFolderOf(file) === null && (kitTop === kitDir || file.startsWith(`${kitTop}/`)));
  const preferBesideKit = testsBesideCode || (setup.existingTests.length === 0 && !outsideSources);
  const candidates = preferBesideKit ? [...besideKit, ...inTestFolders] : [...inTestFolders, ...besideKit];
  const chosen = candidates.find((candidate) => collects(setup, candidate));
  // AVA runs `npm test` and would fail on the kit's test: named as its helpers are, it is run by `test:errors` alone.
  if (setup.avaCollects) return { path: asAvaHelper(chosen ?? `${kitDir}/kit.test.${extension}`), collected: false };
  return chosen ? { path: chosen, collected: true } : { path: `${kitDir}/kit.test.${extension}`, collected: false };
}

function asAvaHelper(file: string): string {
  return posix.join(posix.dirname(file), `_${posix.basename(file)}`);
}

/** `.test` in `user.test.ts`, `.spec` in `user.spec.js`, `` in `test/user.js`; null for `-test`/`_test` names (kept simple). */
function testSuffix(file: string): string | null {
  const name = posix.basename(file);
  const match = /(\.(?:test|spec))\.[cm]?[jt]sx?$/.exec(name);
  if (match) return match[1]!;
  return testFolderOf(file) !== null ? '' : null;
}

/** The test folder a test file lives under (`test`, `packages/x/test`), or null when it sits beside code. */
function testFolderOf(file: string): string | null {
  const parts = file.split('/');
  const index = parts.findIndex((part) => TEST_FOLDERS.has(part));
  return index >= 0 && index < parts.length - 1 ? parts.slice(0, index + 1).join('/') : null;
}

function staticPrefix(pattern: string): string {
  const parts = pattern.replace(/^\.\//, '').split('/');
  const index = parts.findIndex((part) => /[*?{}[\]!()]/.test(part));
  return parts.slice(0, index < 0 ? parts.length - 1 : index).join('/');
}

function uniq<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** The top folders package.json `files` publishes, and whether the tsconfig emits into an output folder. */
function shippedSources(root: string, packageJson: Record<string, unknown>): { publishedFolders: string[]; buildEmits: boolean } {
  const files = Array.isArray(packageJson.files) ? packageJson.files.filter((f): f is string => typeof f === 'string') : [];
  const publishedFolders = files.map((entry) => entry.replace(/^\.\//, '').replace(/\/.*$/, ''));
  const tsconfig = join(root, TSCONFIG_FILE);
  if (!existsSync(tsconfig)) return { publishedFolders, buildEmits: false };
  const options = compilerOptionsOf(tsconfig);
  return { publishedFolders, buildEmits: typeof options.outDir === 'string' && options.noEmit !== true };
}
