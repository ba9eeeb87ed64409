import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import type { Framework, ImportSuffix, Logger, ModuleSystem, Profile, RunbookNames, TestRunner } from '../catalog/model.js';
import { namingFromProjectFiles, projectMarkdownFiles } from './file-naming.js';
import { readImportStyle, suffixFromEvidence, tsSuffixFromEvidence, type ImportStyleEvidence } from './import-style.js';
import { placeKit } from './placement.js';
import { findProjectLogger, type FoundProjectLogger } from './project-logger.js';
import { isToolConfig, listSourceFiles } from './source-files.js';
import { governingProject, tsconfigProjects } from './tsconfig-projects.js';
import { packageNameFromDirectory } from './package-name.js';
import { findPrettierConfig } from './prettier-config.js';
import { isRecord, readJsonFile } from './read-json-file.js';
import { repositoryAncestors } from './repository-ancestors.js';
import { detectTestSetup, type TestSetup } from './test-setup.js';
import { readTsconfig, tsconfigInfo, type TsconfigInfo } from './tsconfig.js';

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
  /** How the project runs its tests: what its runner collects, its TypeScript loader, its coverage thresholds. */
  testSetup: TestSetup;
  /** The framework to generate an adapter for; `none` when the project has none of them. */
  framework: Framework;
  /** Every supported framework in `dependencies`, in order of preference. */
  frameworksFound: DetectedFramework[];
  logger: Logger;
  /** A logger module of the project's own that its code imports across files, when there is one. */
  projectLogger?: FoundProjectLogger;
  /** What kind of project it is, from its dependencies, `bin`, `main` and `exports`. */
  profile: Profile;
  /** Absolute path of the prettier config that applies (a package.json when it has a `prettier` key), or null. */
  prettierConfigFile: string | null;
  /** Where the project's code lives, posix and relative to `root`: `src`, `lib`, `.`… */
  sourceRoot: string;
  /** Default kit directory, posix and relative to `root`: `src/errors`, or a free name beside the project's own folder. */
  kitDir: string;
  /** Default runbook directory: a folder git tracks. */
  runbookDir: string;
  /** How the project's own Markdown and source files are named, when they agree on a convention runbook pages can follow. */
  fileNaming?: { names: RunbookNames; reason: string };
  /** A package.json `files` entry the kit needs so that the published package contains it. */
  publishEntry?: string;
  /** How the project's own relative imports are spelled, counted over a sample of its files. */
  importStyle: ImportStyleEvidence;
  /** Why detection chose what it did where that is not the obvious choice, for the user. */
  notes: string[];
}

/** Server frameworks whose presence in `dependencies` makes a project a service. */
const SERVICE_DEPENDENCIES = ['express', 'fastify', 'hono', 'koa', '@nestjs/core', '@hapi/hapi', 'restify', 'next', '@remix-run/node', 'nuxt', '@adonisjs/core', 'sails', 'polka', '@feathersjs/feathers', 'h3'];

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
  const projects = tsconfigProjects(root);
  const sources = isEmpty ? { typescript: [], javascript: [] } : listSourceFiles(root);
  const outDirs = projects.flatMap((project) => (typeof project.options.outDir === 'string' ? [resolve(dirname(project.path), project.options.outDir)] : []));
  const typescriptSources = sources.typescript.filter((file) => !isToolConfig(file));
  // JavaScript that tsc emits is the TypeScript sources again, not evidence of a JavaScript project.
  const javascriptSources = sources.javascript.filter((file) => !isToolConfig(file) && !outDirs.some((dir) => join(root, file).startsWith(dir + sep)));
  const language = detectLanguage(typescriptSources.length, javascriptSources.length, projects.length > 0 || allDependencies.has('typescript'));
  const ownSources = language === 'typescript' ? typescriptSources : javascriptSources;
  const isTypeModule = packageJson.type === 'module';

  const placement = placeKit({ root, language, sources: ownSources, tsconfigProjects: projects, packageJson });
  const kitProbe = join(root, placement.kitDir, language === 'typescript' ? 'index.ts' : 'index.js');
  const governing = governingProject(projects, kitProbe) ?? projects.find((project) => !project.solution);
  const tsconfig = governing ? tsconfigInfo(governing.path, governing.options) : await readTsconfig(root);
  const moduleSystem = detectModuleSystem(language, isTypeModule, tsconfig);
  const importStyle = readImportStyle(root, ownSources);
  const frameworksFound = FRAMEWORK_PREFERENCE.filter((framework) => runtimeDependencies.has(framework));
  const projectLogger = isEmpty ? undefined : findProjectLogger(root, ownSources);
  const notes = [...placement.notes];
  if (projectLogger) notes.push(`Your code imports its logger from ${projectLogger.path} in ${projectLogger.importers} files; the kit writes through it (choose another with --logger).`);
  const testSetup = await detectTestSetup(root, packageJson);
  const kitPrefix = `${placement.kitDir}/`;
  const fileNaming = isEmpty
    ? undefined
    : namingFromProjectFiles(projectMarkdownFiles(root, [placement.kitDir, placement.runbookDir]), ownSources.filter((file) => !file.startsWith(kitPrefix)));

  return {
    root,
    isEmpty,
    hasPackageJson,
    name: typeof packageJson.name === 'string' && packageJson.name.trim() !== '' ? packageJson.name : packageNameFromDirectory(root),
    language,
    moduleSystem,
    importSuffix: detectImportSuffix(language, moduleSystem, tsconfig, importStyle),
    tsconfig,
    packageManager: detectPackageManager(root, packageJson),
    testRunner: testSetup.runner,
    testSetup,
    framework: frameworksFound[0] ?? 'none',
    frameworksFound,
    // The kit's pino logger requires pino when the code runs: a devDependency (pino-pretty's tests, a
    // transport's) is left out of production installs and is no reason to log through it.
    logger: projectLogger ? 'project' : runtimeDependencies.has('pino') ? 'pino' : 'console',
    ...(projectLogger ? { projectLogger } : {}),
    profile: detectProfile(isEmpty, packageJson, runtimeDependencies),
    prettierConfigFile: await findPrettierConfig(root),
    sourceRoot: isEmpty ? 'src' : placement.sourceRoot,
    kitDir: isEmpty ? 'src/errors' : placement.kitDir,
    runbookDir: placement.runbookDir,
    ...(fileNaming ? { fileNaming } : {}),
    ...(placement.publishEntry ? { publishEntry: placement.publishEntry } : {}),
    importStyle,
    notes,
  };
}

/**
 * The language the project's code is written in: the one most of its source files use. A tsconfig
 * or a `typescript` dependency alone says little (JavaScript packages type-check with `allowJs`),
 * so they decide only for a project that has no code yet.
 */
function detectLanguage(typescriptFiles: number, javascriptFiles: number, hasTypeScriptSetup: boolean): ProjectInfo['language'] {
  if (typescriptFiles === 0 && javascriptFiles === 0) return hasTypeScriptSetup ? 'typescript' : 'javascript';
  return typescriptFiles >= javascriptFiles ? 'typescript' : 'javascript';
}

/**
 * A server framework makes a service; otherwise a `bin` makes a command-line tool, and a package
 * published for others to import (not private, with an entry point, a `files` list, or no start
 * script of its own) a library. Anything else is an application, served like a service.
 */
/** The profile `init` gives an existing project with this package.json. */
export function profileOfPackage(packageJson: Record<string, unknown>): Profile {
  return detectProfile(false, packageJson, dependencyNames(packageJson, ['dependencies']));
}

function detectProfile(isEmpty: boolean, packageJson: Record<string, unknown>, runtimeDependencies: Set<string>): Profile {
  if (isEmpty) return 'service';
  if (SERVICE_DEPENDENCIES.some((name) => runtimeDependencies.has(name))) return 'service';
  if (packageJson.bin !== undefined) return 'cli';
  if (packageJson.private === true) return 'service';
  const publishesEntry = ['main', 'exports', 'module', 'types', 'typings', 'files'].some((field) => packageJson[field] !== undefined);
  const scripts = isRecord(packageJson.scripts) ? packageJson.scripts : {};
  const runsItself = typeof scripts.start === 'string' || typeof scripts.dev === 'string';
  return publishesEntry || (!runsItself && typeof packageJson.version === 'string') ? 'library' : 'service';
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

/**
 * The project's own relative imports decide; module resolution and package `type` only break a tie.
 * Code that runs as native ESM spells `./x.js` whatever its tsconfig's resolution says.
 */
function detectImportSuffix(language: ProjectInfo['language'], moduleSystem: ModuleSystem, tsconfig: TsconfigInfo | null, evidence: ImportStyleEvidence): ImportSuffix {
  // Node requires the extension in ES modules; evidence cannot argue with that.
  if (language === 'javascript' && moduleSystem === 'esm') return '.js';
  // Code Node runs as written (type stripping) names its `.ts` files, and `.js` would not resolve there.
  if (language === 'typescript' && tsSuffixFromEvidence(evidence, tsconfig?.tsExtensions === true) !== undefined) return '.ts';
  const learned = suffixFromEvidence(evidence);
  if (learned !== undefined) return learned;
  if (language === 'javascript') return '';
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
