import semver from 'semver';
import type { CatalogTarget } from '../catalog/model.js';
import { profileOf } from '../catalog/profile.js';
import type { DesiredFile } from '../fs/file-changes.js';
import { isRecord } from '../project/read-json-file.js';
import { withJestCoverageExclusion } from './coverage-exclusion.js';
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

/**
 * package.json with what the kit needs added: missing dependencies and a `test:errors` script.
 * Nothing the user wrote is changed or removed; keys are only added. Returns undefined when
 * nothing needs adding.
 */
export function planPackageJson(args: {
  current: string | undefined;
  projectName: string;
  target: CatalogTarget;
  /** Whether to add the `test:errors` (and a missing `test`) script; `sync` adds dependencies only. */
  scripts?: boolean;
  /** A `files` entry to add so that the published package contains the kit. */
  publishEntry?: string;
  testContext?: KitTestContext;
}): (DesiredFile & { addedDependencies: string[] }) | undefined {
  const { current, target } = args;
  const indent = current ? detectIndent(current) : 2;
  const pkg: PackageJson = current
    ? (JSON.parse(current) as PackageJson)
    : { name: args.projectName, version: '0.1.0', private: true, type: target.moduleSystem === 'esm' ? 'module' : 'commonjs' };

  const has = (name: string) => Boolean(pkg.dependencies?.[name] ?? pkg.devDependencies?.[name]);
  const addedDependencies: string[] = [];
  const add = (section: 'dependencies' | 'devDependencies', name: string, version: string) => {
    if (has(name)) return;
    pkg[section] = { ...(pkg[section] ?? {}), [name]: version };
    addedDependencies.push(name);
  };
  // A library's kit has no logger, whatever the catalog names.
  if (target.logger === 'pino' && profileOf(target) !== 'library') add('dependencies', 'pino', kitDependencyVersions.pino);
  if (target.language === 'typescript') {
    add('devDependencies', 'typescript', kitDependencyVersions.typescript);
    add('devDependencies', '@types/node', kitDependencyVersions['@types/node']);
    if (target.framework === 'express') {
      // Express 5's types describe a different API (async handlers, path syntax); match the installed major.
      const express4 = majorOf(pkg.dependencies?.express) === 4;
      add('devDependencies', '@types/express', kitDependencyVersions[express4 ? '@types/express@4' : '@types/express']);
    }
    // node --test cannot load TypeScript by itself; a loader the project already has will do.
    if (target.testRunner === 'node:test' && !TYPESCRIPT_LOADER_PACKAGES.some(has)) add('devDependencies', 'tsx', kitDependencyVersions.tsx);
  }

  if (args.scripts !== false) {
    const command = kitTestCommand(target, args.testContext);
    const scripts = { ...(pkg.scripts ?? {}) };
    if (!scripts['test:errors']) scripts['test:errors'] = command;
    if (!scripts.test || scripts.test === NPM_DEFAULT_TEST) scripts.test = command;
    pkg.scripts = scripts;
    if (target.testRunner === 'jest' && args.testContext?.coverageThresholds && isRecord(pkg.jest)) {
      pkg.jest = withJestCoverageExclusion(pkg.jest, target.kitDir) ?? pkg.jest;
    }
  }

  if (args.publishEntry && Array.isArray(pkg.files) && !pkg.files.includes(args.publishEntry)) {
    pkg.files = [...(pkg.files as unknown[]), args.publishEntry];
  }

  const content = JSON.stringify(pkg, null, indent) + '\n';
  if (current !== undefined && content === normalizeTrailingNewline(current)) return undefined;
  if (current !== undefined && sameJson(current, content)) return undefined;
  return { path: 'package.json', content, kind: current === undefined ? 'owned' : 'merged', addedDependencies };
}

/** The lowest major version a dependency range allows; undefined for tags, URLs and workspace links. */
function majorOf(range: string | undefined): number | undefined {
  if (range === undefined || semver.validRange(range) === null) return undefined;
  return semver.minVersion(range)?.major;
}

function detectIndent(text: string): number | string {
  const match = /^[ \t]+(?=")/m.exec(text);
  if (!match) return 2;
  return match[0].startsWith('\t') ? '\t' : match[0].length;
}

function normalizeTrailingNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}

function sameJson(a: string, b: string): boolean {
  return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
}
