import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, posix, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Framework, ImportSuffix, Logger, ModuleSystem, TestRunner } from '../catalog/model.js';
import { packageNameFromDirectory } from './package-name.js';
import { findPrettierConfig } from './prettier-config.js';
import { isRecord, readJsonFile } from './read-json-file.js';
import { repositoryAncestors } from './repository-ancestors.js';
import { readTsconfig, type TsconfigInfo } from './tsconfig.js';

export type { TsconfigInfo } from './tsconfig.js';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';
export type DetectedFramework = Exclude<Framework, 'none'>;

/** What faultline needs to know about a project to generate code that fits its conventions. */
export interface ProjectInfo {
  /** Absolute path of the project directory. */
  root: string;
  /** The directory is missing or holds nothing but dotfiles (a fresh repository counts as empty). */
  isEmpty: boolean;
  hasPackageJson: boolean;
  /** package.json `name`, else the directory name made into a valid package name. */
  name: string;
  language: 'typescript' | 'javascript';
  moduleSystem: ModuleSystem;
  importSuffix: ImportSuffix;
  tsconfig: TsconfigInfo | null;
  packageManager: PackageManager;
  testRunner: TestRunner;
  /** The framework to generate an adapter for; `none` when the project has none of them. */
  framework: Framework;
  /** Every supported framework in `dependencies`, in order of preference. */
  frameworksFound: DetectedFramework[];
  logger: Logger;
  /** Absolute path of the prettier config that applies (a package.json when it has a `prettier` key), or null. */
  prettierConfigFile: string | null;
  sourceRoot: 'src' | '.';
  /** Default kit directory, posix and relative to `root`: `src/errors` or `errors`. */
  kitDir: string;
}

/** First match wins when a project has several (e.g. while moving from Express to Fastify). */
const FRAMEWORK_PREFERENCE: readonly DetectedFramework[] = ['fastify', 'express', 'hono'];

const LOCKFILES: ReadonlyArray<readonly [string, PackageManager]> = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lockb', 'bun'],
  ['bun.lock', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/** TypeScript `module` values under which Node decides the module system from package.json `type`. */
const NODE_MODULE_MODES = new Set(['node16', 'node18', 'node20', 'nodenext']);

export async function detectProject(dir: string): Promise<ProjectInfo> {
  const root = resolve(dir);
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw new UsageError(`${root} is a file, not a directory — pass the project's directory`);
  }
  const isEmpty = await isEmptyDirectory(root);
  const packageJsonPath = join(root, 'package.json');
  const hasPackageJson = existsSync(packageJsonPath);
  const packageJson = hasPackageJson ? await readJsonFile(packageJsonPath) : {};
  if (!isRecord(packageJson)) {
    throw new UsageError(`${packageJsonPath} must contain a JSON object — fix it and run again`);
  }

  const runtimeDependencies = dependencyNames(packageJson, ['dependencies']);
  const allDependencies = dependencyNames(packageJson, ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']);
  const tsconfig = await readTsconfig(root);
  const language = tsconfig !== null || allDependencies.has('typescript') ? 'typescript' : 'javascript';
  const isTypeModule = packageJson.type === 'module';
  const moduleSystem = detectModuleSystem(language, isTypeModule, tsconfig);
  const frameworksFound = FRAMEWORK_PREFERENCE.filter((framework) => runtimeDependencies.has(framework));
  const sourceRoot = isEmpty || isDirectory(join(root, 'src')) ? 'src' : '.';

  return {
    root,
    isEmpty,
    hasPackageJson,
    name: typeof packageJson.name === 'string' && packageJson.name.trim() !== '' ? packageJson.name : packageNameFromDirectory(root),
    language,
    moduleSystem,
    importSuffix: detectImportSuffix(language, moduleSystem, tsconfig),
    tsconfig,
    packageManager: detectPackageManager(root, packageJson),
    testRunner: allDependencies.has('vitest') ? 'vitest' : allDependencies.has('jest') ? 'jest' : 'node:test',
    framework: frameworksFound[0] ?? 'none',
    frameworksFound,
    logger: allDependencies.has('pino') ? 'pino' : 'console',
    prettierConfigFile: await findPrettierConfig(root),
    sourceRoot,
    kitDir: posix.join(sourceRoot, 'errors'),
  };
}

function detectModuleSystem(language: ProjectInfo['language'], isTypeModule: boolean, tsconfig: TsconfigInfo | null): ModuleSystem {
  const byPackageType: ModuleSystem = isTypeModule ? 'esm' : 'cjs';
  if (language !== 'typescript' || tsconfig?.module == null) return byPackageType;
  const module = tsconfig.module;
  if (module === 'commonjs') return 'cjs';
  if (NODE_MODULE_MODES.has(module)) return byPackageType;
  // es2015…esnext and preserve emit import/export as written: the project's source is ESM
  // even without `"type": "module"` (bundled apps), so generated code must be too.
  if (/^es(\d+|next)$/.test(module) || module === 'preserve') return 'esm';
  return byPackageType;
}

function detectImportSuffix(language: ProjectInfo['language'], moduleSystem: ModuleSystem, tsconfig: TsconfigInfo | null): ImportSuffix {
  if (language === 'javascript') return moduleSystem === 'esm' ? '.js' : '';
  const resolution = tsconfig?.moduleResolution;
  const module = tsconfig?.module;
  // Node16/NodeNext resolution requires written extensions on relative imports; bundler and node10 do not.
  const nodeResolution =
    (resolution != null && (resolution === 'node16' || resolution === 'nodenext')) ||
    (resolution == null && module != null && NODE_MODULE_MODES.has(module));
  return nodeResolution ? '.js' : '';
}

function detectPackageManager(root: string, packageJson: Record<string, unknown>): PackageManager {
  for (const dir of repositoryAncestors(root)) {
    const match = LOCKFILES.find(([file]) => existsSync(join(dir, file)));
    if (match) return match[1];
  }
  // Corepack's field (`"packageManager": "pnpm@9.1.0"`) speaks for projects that have not installed yet.
  const declared = typeof packageJson.packageManager === 'string' ? packageJson.packageManager.split('@')[0] : '';
  return declared === 'pnpm' || declared === 'yarn' || declared === 'bun' ? declared : 'npm';
}

function dependencyNames(packageJson: Record<string, unknown>, fields: string[]): Set<string> {
  const names = new Set<string>();
  for (const field of fields) {
    const section = packageJson[field];
    if (isRecord(section)) for (const name of Object.keys(section)) names.add(name);
  }
  return names;
}

async function isEmptyDirectory(root: string): Promise<boolean> {
  if (!existsSync(root)) return true;
  const entries = await readdir(root);
  return entries.every((entry) => entry.startsWith('.'));
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
