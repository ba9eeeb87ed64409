import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CodeStyle } from './code-style.js';
import { installedVersion } from './installed-version.js';
import { isRecord, JSONC, readJsonFile } from './read-json-file.js';
import { importFromProject as importProjectModule } from './project-module.js';
import { repositoryAncestors } from './repository-ancestors.js';

/**
 * The linters whose fixers faultline runs on the files it generates. `standard`, `semistandard`
 * and `ts-standard` share one engine; gts is ESLint with a shared config, so it is `eslint` here.
 */
export type LinterKind = 'eslint' | 'standard' | 'semistandard' | 'ts-standard' | 'xo' | 'biome';

export interface ProjectLinter {
  kind: LinterKind;
  /** The package that provides it, as named in the project's dependencies. */
  packageName: string;
  /** Whether the package is installed where Node would resolve it from the project. */
  installed: boolean;
  /**
   * The style the linter enforces whatever its configuration, used to format generated files
   * when the linter itself is not installed to fix them. Empty when the project configures it.
   */
  style: CodeStyle;
}

const ESLINT_CONFIG_FILES = [
  'eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts',
  '.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yaml', '.eslintrc.yml', '.eslintrc.json', '.eslintrc',
];

/** The styles fixed by each linter's own rules (standard: no semicolons, single quotes, no dangling commas). */
const PRESET_STYLES: Partial<Record<LinterKind, CodeStyle>> = {
  standard: { semi: false, singleQuote: true, trailingComma: 'none', tabWidth: 2, useTabs: false, bracketSpacing: true },
  'ts-standard': { semi: false, singleQuote: true, trailingComma: 'none', tabWidth: 2, useTabs: false, bracketSpacing: true },
  semistandard: { semi: true, singleQuote: true, trailingComma: 'none', tabWidth: 2, useTabs: false, bracketSpacing: true },
  xo: { semi: true, singleQuote: true, useTabs: true, bracketSpacing: false, trailingComma: 'all', arrowParens: 'avoid' },
};

/**
 * The linter the project checks its code with, from its dependencies and config files; null when
 * it has none. The first of standard's family, xo and biome wins over a plain ESLint, since those
 * bring ESLint along as a dependency of their own.
 */
export async function detectLinter(root: string, packageJson: Record<string, unknown>): Promise<ProjectLinter | null> {
  const dependencies = new Set<string>();
  for (const field of ['dependencies', 'devDependencies']) {
    const section = packageJson[field];
    if (isRecord(section)) for (const name of Object.keys(section)) dependencies.add(name);
  }
  const found = (kind: LinterKind, packageName: string, style: CodeStyle = PRESET_STYLES[kind] ?? {}): ProjectLinter => ({
    kind,
    packageName,
    installed: isInstalled(root, packageName),
    style,
  });
  for (const kind of ['ts-standard', 'semistandard', 'standard', 'xo'] as const) {
    if (dependencies.has(kind)) return found(kind, kind);
  }
  if (dependencies.has('@biomejs/biome')) return found('biome', '@biomejs/biome', await biomeStyle(root));
  const hasEslintConfig =
    packageJson.eslintConfig !== undefined ||
    repositoryAncestors(root).some((dir) => ESLINT_CONFIG_FILES.some((name) => existsSync(join(dir, name))));
  if (dependencies.has('eslint') || dependencies.has('gts') || hasEslintConfig) return found('eslint', 'eslint', {});
  return null;
}

function isInstalled(root: string, packageName: string): boolean {
  return installedVersion(root, packageName) !== undefined;
}

/** biome.json's formatter settings in prettier's terms; biome's defaults (tabs, double quotes) when unset. */
async function biomeStyle(root: string): Promise<CodeStyle> {
  let config: unknown = {};
  for (const dir of repositoryAncestors(root)) {
    const file = ['biome.json', 'biome.jsonc'].map((name) => join(dir, name)).find((path) => existsSync(path));
    if (file) {
      config = await readJsonFile(file, JSONC);
      break;
    }
  }
  const section = (value: unknown, key: string): Record<string, unknown> =>
    isRecord(value) && isRecord(value[key]) ? (value[key] as Record<string, unknown>) : {};
  const formatter = section(config, 'formatter');
  const js = section(section(config, 'javascript'), 'formatter');
  const pick = (key: string) => js[key] ?? formatter[key];
  const style: CodeStyle = {
    useTabs: (pick('indentStyle') ?? 'tab') === 'tab',
    singleQuote: pick('quoteStyle') === 'single',
    semi: pick('semicolons') !== 'asNeeded',
    trailingComma: (pick('trailingCommas') as CodeStyle['trailingComma']) ?? 'all',
    bracketSpacing: pick('bracketSpacing') !== false,
    arrowParens: pick('arrowParentheses') === 'asNeeded' ? 'avoid' : 'always',
  };
  if (typeof pick('indentWidth') === 'number') style.tabWidth = pick('indentWidth') as number;
  return style;
}

/** A problem the linter reports and cannot fix. */
export interface LintProblem {
  /** null for a parse error. */
  ruleId: string | null;
  line: number;
  message: string;
}

/** What the project's linter made of one generated file. */
export interface LintFix {
  /** The file with every fix the linter could make applied. */
  output: string;
  /** Errors that remain after fixing. */
  remaining: LintProblem[];
}

interface Fixer {
  fix(text: string, absolutePath: string): Promise<LintFix>;
  readsTypes(absolutePath: string): Promise<boolean>;
}
const fixers = new Map<string, Promise<Fixer>>();

function fixerFor(root: string, linter: ProjectLinter): Promise<Fixer> {
  const key = `${root}\0${linter.kind}`;
  let fixer = fixers.get(key);
  if (!fixer) {
    fixer = loadFixer(root, linter);
    fixers.set(key, fixer);
  }
  return fixer;
}

/**
 * Runs the project's own installed linter over one generated file, in memory, and returns what
 * its fixer makes of it. The same text always comes out the same, so `init --dry-run`, `init`,
 * `sync` and `check` agree. The linter is loaded once per project and command.
 */
export async function fixWithLinter(root: string, linter: ProjectLinter, text: string, absolutePath: string): Promise<LintFix> {
  const fixer = await fixerFor(root, linter);
  return asEditorSession(() => fixer.fix(text, absolutePath));
}

let sessions = 0;
let singleRunBefore: string | undefined;

/**
 * typescript-eslint takes a run under CI for one pass over files as they are on disk: with
 * `parserOptions.project` it then reads the file from disk rather than the text it is given, and
 * never sees a file created after its program was built. Linting text that is not on disk is what
 * an editor does, and its documented switch says so for the time the fixer runs.
 */
async function asEditorSession<T>(work: () => Promise<T>): Promise<T> {
  if (sessions++ === 0) {
    singleRunBefore = process.env.TSESTREE_SINGLE_RUN;
    process.env.TSESTREE_SINGLE_RUN = 'false';
  }
  try {
    return await work();
  } finally {
    if (--sessions === 0) {
      if (singleRunBefore === undefined) delete process.env.TSESTREE_SINGLE_RUN;
      else process.env.TSESTREE_SINGLE_RUN = singleRunBefore;
    }
  }
}

/**
 * Whether the linter's rules for this file read types (typescript-eslint's `projectService` or
 * `parserOptions.project`). Those check a file only inside a TypeScript program, which is built from
 * the files on disk and the modules they import from disk: a file that does not exist yet is
 * refused, or worse, linted against imports that resolve to nothing, whose fixes are then wrong.
 */
export async function linterReadsTypes(root: string, linter: ProjectLinter, absolutePath: string): Promise<boolean> {
  return (await fixerFor(root, linter)).readsTypes(absolutePath);
}

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

async function loadFixer(root: string, linter: ProjectLinter): Promise<Fixer> {
  const resolveFromProject = createRequire(join(root, 'package.json')).resolve;
  const importFromProject = (specifier: string) => importProjectModule(root, specifier);

  switch (linter.kind) {
    case 'eslint': {
      const { ESLint, CLIEngine } = await projectEslint(root);
      if (!ESLint && CLIEngine) {
        const cli = new CLIEngine({ cwd: root, fix: true });
        return {
          fix: async (text, filePath) => fromResults(cli.executeOnText(text, filePath).results, text),
          readsTypes: async (filePath) => readsTypes(cli.getConfigForFile(filePath) as EslintConfig | undefined),
        };
      }
      if (!ESLint) throw new Error('the installed eslint has neither an ESLint nor a CLIEngine class');
      const engine = new ESLint({ cwd: root, fix: true });
      return {
        // A path the configuration ignores (runbook pages when nothing lints Markdown) comes back as
        // it went in; asking first spares building a lint run for each of thousands of pages.
        fix: async (text, filePath) =>
          (await engine.isPathIgnored?.(filePath)) ? { output: text, remaining: [] } : fromResults(await engine.lintText(text, { filePath, warnIgnored: false }), text),
        readsTypes: async (filePath) => readsTypes((await engine.calculateConfigForFile(filePath).catch(() => undefined)) as EslintConfig | undefined),
      };
    }
    case 'standard':
    case 'semistandard':
    case 'ts-standard': {
      const module = await importFromProject(linter.packageName);
      const engine = (module.default ?? module) as StandardEngine;
      // ts-standard's configuration lints TypeScript with parserOptions.project.
      const standardReadsTypes = async (filePath: string) => linter.kind === 'ts-standard' && TYPESCRIPT_FILE.test(filePath);
      // standard-engine builds a new ESLint for every lintText call; one shared instance loads the config once.
      if (engine.resolveEslintConfig && engine.eslint?.ESLint) {
        const eslint = new engine.eslint.ESLint(engine.resolveEslintConfig({ fix: true, cwd: root }));
        return { fix: async (text, filePath) => fromResults(await eslint.lintText(text, { filePath }), text), readsTypes: standardReadsTypes };
      }
      // standard-engine before 14 takes a callback in lintText; its lintTextSync answers directly.
      if (engine.lintTextSync) {
        const lintTextSync = engine.lintTextSync.bind(engine);
        return { fix: async (text, filename) => fromResults(lintTextSync(text, { filename, cwd: root, fix: true }).results, text), readsTypes: standardReadsTypes };
      }
      return {
        fix: async (text, filename) => {
          const results = await engine.lintText(text, { filename, cwd: root, fix: true });
          return fromResults(Array.isArray(results) ? results : results.results, text);
        },
        readsTypes: standardReadsTypes,
      };
    }
    case 'xo': {
      const module = await importFromProject('xo');
      const xo = (module.default ?? module) as XoModule;
      // xo before 1.0 names the file `filename` (and refuses its `ignores` without one); 1.0 on, `filePath`.
      const fileOption = installedVersion(root, 'xo')?.startsWith('0.') === true ? 'filename' : 'filePath';
      return {
        fix: async (text, filePath) => {
          const report = await xo.lintText(text, { [fileOption]: filePath, cwd: root, fix: true });
          return fromResults(Array.isArray(report) ? report : report.results, text);
        },
        // xo lints every TypeScript file with type information, through a tsconfig of its own for files outside the project's.
        readsTypes: async (filePath) => TYPESCRIPT_FILE.test(filePath),
      };
    }
    case 'biome': {
      const bin = resolveFromProject('@biomejs/biome/bin/biome');
      return {
        fix: async (text, filePath) => ({ output: await pipeThrough(process.execPath, [bin, 'check', '--write', `--stdin-file-path=${filePath}`], text, root), remaining: [] }),
        readsTypes: async () => false,
      };
    }
  }
}

/**
 * The project's own ESLint, chosen the way its eslint command chooses: loadESLint (8.57+) picks
 * flat or legacy configuration; 8.21 to 8.56 have their flat class apart; before 7 the only API
 * is CLIEngine, synchronous and with the same results.
 */
async function projectEslint(root: string): Promise<{ ESLint?: EslintClass; CLIEngine?: CliEngineClass }> {
  const importFromProject = (specifier: string) => importProjectModule(root, specifier);
  const eslint = await importFromProject('eslint');
  // An ESLint older than ES modules has everything under `default` when imported.
  const member = (name: string): unknown => eslint[name] ?? (isRecord(eslint.default) ? eslint.default[name] : undefined);
  const loadESLint = member('loadESLint') as ((options: object) => Promise<EslintClass>) | undefined;
  const ESLint = loadESLint ? await loadESLint({ cwd: root }) : ((await flatEslintBefore857(root, importFromProject)) ?? (member('ESLint') as EslintClass | undefined));
  const CLIEngine = member('CLIEngine');
  return { ...(ESLint ? { ESLint } : {}), ...(typeof CLIEngine === 'function' ? { CLIEngine: CLIEngine as CliEngineClass } : {}) };
}

/** What the project's ESLint computes for one file, with every `extends` and override applied. */
export interface EslintConfigReader {
  configFor(filePath: string): Promise<unknown>;
  /** Whether it reads a flat configuration (`eslint.config.js`). */
  flat: boolean;
}

/** The project's ESLint as a reader of resolved configurations; undefined when it has none it can load. */
export async function eslintConfigReader(root: string): Promise<EslintConfigReader | undefined> {
  const { ESLint, CLIEngine } = await projectEslint(root);
  if (ESLint) {
    const engine = new ESLint({ cwd: root });
    return { configFor: (filePath) => engine.calculateConfigForFile(filePath), flat: ESLint.configType === 'flat' };
  }
  if (CLIEngine) {
    const cli = new CLIEngine({ cwd: root });
    return { configFor: async (filePath) => cli.getConfigForFile(filePath), flat: false };
  }
  return undefined;
}

/**
 * ESLint 8.21 to 8.56 lint with a flat config (`eslint.config.js`) from the command line, but their
 * `ESLint` class reads only `.eslintrc`: it would find no configuration at all. Their flat class is
 * exported under `use-at-your-own-risk`, and the command picks it the way this does: the
 * ESLINT_USE_FLAT_CONFIG switch, else an `eslint.config.js` (the only name they look for) in the
 * project or the repository above it.
 */
async function flatEslintBefore857(root: string, importFromProject: (specifier: string) => Promise<Record<string, unknown>>): Promise<EslintClass | undefined> {
  const wanted = process.env.ESLINT_USE_FLAT_CONFIG;
  if (wanted === 'false') return undefined;
  if (wanted !== 'true' && !repositoryAncestors(root).some((dir) => existsSync(join(dir, 'eslint.config.js')))) return undefined;
  try {
    const unsupported = await importFromProject('eslint/use-at-your-own-risk');
    const FlatESLint = unsupported.FlatESLint ?? (unsupported.default as { FlatESLint?: unknown } | undefined)?.FlatESLint;
    return typeof FlatESLint === 'function' ? (FlatESLint as EslintClass) : undefined;
  } catch {
    // An ESLint without that entry point (before 8.21) has no flat config either.
    return undefined;
  }
}

function readsTypes(config: EslintConfig | undefined): boolean {
  // Flat configs keep parser options under languageOptions, legacy ones at the top.
  const options = config?.languageOptions?.parserOptions ?? config?.parserOptions;
  return Boolean(options?.project) || Boolean(options?.projectService);
}

interface LintResult {
  output?: string;
  messages: Array<{ ruleId: string | null; message: string; severity: number; line?: number }>;
}
type EslintClass = (new (options: object) => {
  lintText(text: string, options: object): Promise<LintResult[]>;
  calculateConfigForFile(filePath: string): Promise<unknown>;
  isPathIgnored?(filePath: string): Promise<boolean>;
}) & { configType?: string };
type CliEngineClass = new (options: object) => {
  executeOnText(text: string, filePath: string): { results: LintResult[] };
  getConfigForFile(filePath: string): unknown;
};
interface EslintParserOptions {
  project?: unknown;
  projectService?: unknown;
}
interface EslintConfig {
  languageOptions?: { parserOptions?: EslintParserOptions };
  parserOptions?: EslintParserOptions;
}
interface StandardEngine {
  lintTextSync?: (text: string, options: object) => { results: LintResult[] };
  eslint?: { ESLint?: new (options: object) => { lintText(text: string, options: object): Promise<LintResult[]> } };
  resolveEslintConfig?: (options: object) => object;
  lintText(text: string, options: object): Promise<LintResult[] | { results: LintResult[] }>;
}
interface XoModule {
  lintText(text: string, options: object): Promise<LintResult[] | { results: LintResult[] }>;
}

function fromResults(results: LintResult[], text: string): LintFix {
  const [result] = results;
  return {
    output: result?.output ?? text,
    remaining: (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => ({ ruleId: m.ruleId, line: m.line ?? 1, message: m.message })),
  };
}

function pipeThrough(command: string, args: string[], input: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && stdout !== '') resolve(stdout);
      else reject(new Error(stderr.trim().split('\n')[0] || `exited with ${code}`));
    });
    child.stdin.end(input);
  });
}
