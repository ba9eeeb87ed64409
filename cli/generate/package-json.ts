import semver from 'semver';
import type { CatalogTarget } from '../catalog/model.js';
import { profileOf } from '../catalog/profile.js';
import type { DesiredFile } from '../fs/file-changes.js';
import { isRecord } from '../project/read-json-file.js';
import { compilesAgainstNodeTypes } from '../project/node-types.js';
import { installedVersion } from '../project/installed-version.js';
import { addJsonProperty, appendJsonArrayItem, replaceJsonString } from './json-text-edits.js';
import { kitTestPath } from './kit-plan.js';

/** Versions the kit is generated and tested against. */
export const kitDependencyVersions = {
  pino: '^10.0.0',
  typescript: '^5.9.3',
  '@types/node': '^20.19.0',
  '@types/express': '^5.0.0',
  '@types/express@4': '^4.17.25',
  tsx: '^4.20.0',
} as const;

type PackageJson = Record<string, unknown> & {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

const NPM_DEFAULT_TEST = 'echo "Error: no test specified" && exit 1';

/** What `init` learned about the project's tests that the kit's test command depends on. */
export interface KitTestContext {
  /** The TypeScript loader the project already uses (`tsx`, `ts-node/register`, …), or null. */
  typescriptLoader: string | null;
  /** The project's coverage thresholds would fail a run of the kit's tests alone. */
  coverageThresholds: boolean;
  /** Flags the runner needs to run one file as the project's tests run (mocha's loader without its spec). */
  runFlags?: string[];
}

/**
 * The command that runs exactly the kit's test file, in the project's test runner, with the
 * project's own configuration (so its loader and setup apply) but without its coverage
 * thresholds, which a run of one file cannot meet.
 */
export function kitTestCommand(target: CatalogTarget, context: KitTestContext = { typescriptLoader: null, coverageThresholds: false }): string {
  const file = kitTestPath(target);
  const typescript = target.language === 'typescript';
  switch (target.testRunner) {
    case 'vitest':
      return `vitest run ${file}${context.coverageThresholds ? ' --coverage.enabled=false' : ''}`;
    case 'jest':
      return `jest --runTestsByPath ${file}${context.coverageThresholds ? ' --coverage=false' : ''}`;
    case 'mocha':
      return ['mocha', ...(context.runFlags ?? []), file].join(' ');
    default:
      return typescript ? `node ${loaderFlag(context.typescriptLoader ?? 'tsx')} --test ${file}` : `node --test ${file}`;
  }
}

/** The node flag that loads a TypeScript loader: ESM hooks are imported, require hooks required. */
function loaderFlag(loader: string): string {
  if (loader === 'ts-node/esm') return '--loader ts-node/esm';
  if (loader === 'tsx' || loader === 'tsx/esm') return `--import ${loader}`;
  return `--require ${loader}`;
}

/** Packages that let node load TypeScript; a project with one of them needs no tsx. */
const TYPESCRIPT_LOADER_PACKAGES = ['tsx', 'ts-node', '@swc/register', '@swc-node/register', 'esbuild-register', '@babel/register'];

/** A package the kit needs that package.json gains, and why: init says it in its output. */
export interface AddedDependency {
  name: string;
  section: 'dependencies' | 'devDependencies';
  reason: string;
}

/**
 * package.json with what the kit needs added: missing dependencies and a `test:errors` script.
 * Nothing the user wrote is changed or removed, and the file keeps its layout: only the added
 * lines differ. A package is added only when the kit cannot work without it and the project
 * neither declares nor has it installed. Returns undefined when nothing needs adding.
 */
export function planPackageJson(args: {
  current: string | undefined;
  projectName: string;
  target: CatalogTarget;
  /** The project's directory, to find packages installed without being declared (a workspace's, a framework's). */
  root?: string;
  /** Whether to add the `test:errors` (and a missing `test`) script; `sync` adds dependencies only. */
  scripts?: boolean;
  /** A `files` entry to add so that the published package contains the kit. */
  publishEntry?: string;
  testContext?: KitTestContext;
  /** Further additions to the text (a coverage exclusion), applied after the kit's own. */
  edits?: Array<(text: string) => string>;
}): (DesiredFile & { addedDependencies: string[]; added: AddedDependency[] }) | undefined {
  const { current, target } = args;
  const pkg: PackageJson = current
    ? (JSON.parse(current) as PackageJson)
    : { name: args.projectName, version: '0.1.0', private: true, type: target.moduleSystem === 'esm' ? 'module' : 'commonjs' };
  let text = current ?? `${JSON.stringify(pkg, null, 2)}\n`;

  const declared = (name: string, sections = DEPENDENCY_SECTIONS) => sections.some((section) => isRecord(pkg[section]) && typeof (pkg[section] as Record<string, unknown>)[name] === 'string');
  const present = (name: string) => declared(name) || (args.root !== undefined && installedVersion(args.root, name) !== undefined);
  const added: AddedDependency[] = [];
  const add = (section: AddedDependency['section'], name: string, version: string, reason: string) => {
    text = addJsonProperty(text, [section, name], version);
    added.push({ name, section, reason });
  };
  // A library's kit has no logger, whatever the catalog names. The kit's logger requires pino when
  // the code runs, so a devDependency is not enough: installs for production leave it out.
  if (target.logger === 'pino' && profileOf(target) !== 'library' && !declared('pino', ['dependencies', 'optionalDependencies'])) {
    const devRange = pkg.devDependencies?.pino;
    add(
      'dependencies',
      'pino',
      devRange ?? kitDependencyVersions.pino,
      devRange ? "the kit's logger requires pino at run time, and it was only a devDependency" : "the kit's logger writes through pino",
    );
  }
  if (target.language === 'typescript') {
    if (!present('typescript')) add('devDependencies', 'typescript', kitDependencyVersions.typescript, 'the kit is TypeScript and the project has no compiler');
    if (!present('@types/node') && !(args.root !== undefined && compilesAgainstNodeTypes(args.root))) {
      add('devDependencies', '@types/node', typesNodeRange(pkg), "the kit imports Node's built-in modules (node:async_hooks, node:assert), and the project has no Node type declarations");
    }
    if (target.framework === 'express' && !present('@types/express')) {
      // Express 5's types describe a different API (async handlers, path syntax); match the installed major.
      const major = (args.root !== undefined ? semver.parse(installedVersion(args.root, 'express') ?? '')?.major : undefined) ?? majorOf(pkg.dependencies?.express);
      const range = kitDependencyVersions[major === 4 ? '@types/express@4' : '@types/express'];
      add('devDependencies', '@types/express', range, `the Express adapter is typed against Express ${major ?? 5}, and the project has no Express type declarations`);
    }
    // node --test cannot load TypeScript by itself; a loader the project already has will do.
    if (target.testRunner === 'node:test' && !TYPESCRIPT_LOADER_PACKAGES.some(present)) {
      add('devDependencies', 'tsx', kitDependencyVersions.tsx, 'node --test needs a loader to run the TypeScript kit test, and the project has none');
    }
  }

  if (args.scripts !== false) {
    const command = kitTestCommand(target, args.testContext);
    if (typeof pkg.scripts?.['test:errors'] !== 'string') text = addJsonProperty(text, ['scripts', 'test:errors'], command);
    if (typeof pkg.scripts?.test !== 'string') text = addJsonProperty(text, ['scripts', 'test'], command);
    else if (pkg.scripts.test === NPM_DEFAULT_TEST) text = replaceJsonString(text, ['scripts', 'test'], command);
  }

  if (args.publishEntry && Array.isArray(pkg.files)) text = appendJsonArrayItem(text, ['files'], args.publishEntry);
  for (const edit of args.edits ?? []) text = edit(text);

  if (current !== undefined && text === current) return undefined;
  return {
    path: 'package.json',
    content: text,
    kind: current === undefined ? 'owned' : 'merged',
    addedDependencies: added.map((dependency) => dependency.name),
    added,
  };
}

const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** What init says about each package it added. */
export function dependencyNotes(added: AddedDependency[]): string[] {
  return added.map((dependency) => `added ${dependency.name} to ${dependency.section}: ${dependency.reason}`);
}

/**
 * Node's types for the oldest Node the project says it runs on (engines), so the kit is checked
 * against no API that Node lacks; the kit's own range when engines says nothing usable.
 */
function typesNodeRange(pkg: PackageJson): string {
  const engines = isRecord(pkg.engines) ? (pkg.engines as Record<string, unknown>).node : undefined;
  const lowest = typeof engines === 'string' && semver.validRange(engines) !== null ? semver.minVersion(engines) : null;
  // Types older than the kit's Node floor lack what the kit uses (AbortSignal.reason).
  return lowest !== null && lowest.major >= 18 ? `^${lowest.major}.0.0` : kitDependencyVersions['@types/node'];
}

/** The lowest major version a dependency range allows; undefined for tags, URLs and workspace links. */
function majorOf(range: string | undefined): number | undefined {
  if (range === undefined || semver.validRange(range) === null) return undefined;
  return semver.minVersion(range)?.major;
}
