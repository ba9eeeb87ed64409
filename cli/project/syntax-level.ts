import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import semver from 'semver';
import { eslintConfigReader, type ProjectLinter } from './linter.js';
import { isRecord, JSONC, readJsonFileSync } from './read-json-file.js';
import { repositoryAncestors } from './repository-ancestors.js';

/**
 * The newest ECMAScript edition the kit is written in when a project cannot take the modern one.
 * Every edition from ES2017 (classes and async functions, which the kit cannot do without) to ES2022
 * (class fields, the newest construct the kit uses).
 */
export type EcmaVersion = 2017 | 2018 | 2019 | 2020 | 2021 | 2022;
export const MODERN_ECMA_VERSION: EcmaVersion = 2022;
export const OLDEST_ECMA_VERSION: EcmaVersion = 2017;

/** What limits the syntax a project can take, and the edition the kit is written in. */
export interface SyntaxLevel {
  /** The edition to write the kit in: the lower of what the linter parses and what the Node floor runs. */
  ecmaVersion: EcmaVersion;
  /** The edition the project's linter parses, when it is older than the modern one. */
  linter?: { ecmaVersion: number; reason: string };
  /** The edition the oldest Node that `engines.node` admits runs, when it is older than the modern one. */
  engines?: { ecmaVersion: number; range: string };
}

/**
 * The first Node release that runs each edition's syntax as the kit uses it: ES2018 object spread
 * and regular expression lookbehind arrived together with async iteration in Node 10, which also
 * has optional catch binding; `?.` and `??` came with Node 14; logical assignment with 15; class
 * fields, present since 12, are only written when everything else is there too.
 */
const NODE_FOR_EDITION: ReadonlyArray<readonly [number, string]> = [
  [2022, '16.0.0'],
  [2021, '15.0.0'],
  [2020, '14.0.0'],
  [2019, '10.0.0'],
  [2017, '8.0.0'],
  [2016, '7.0.0'],
  [2015, '6.0.0'],
];

/** The oldest Node that runs code written in `edition`. */
export function nodeForEdition(edition: number): string {
  return NODE_FOR_EDITION.find(([year]) => year <= edition)?.[1] ?? '0.10.0';
}

/** The newest edition a Node version runs. */
export function editionForNode(version: string): number {
  return NODE_FOR_EDITION.find(([, node]) => semver.gte(version, node))?.[0] ?? 5;
}

/**
 * The newest edition each ESLint parses, by version: espree takes `?.` and `??` from ESLint 7.5,
 * logical assignment and numeric separators from 7.8, class fields from 8.0. ESLint 6 accepts
 * `ecmaVersion: 2020` but parses only BigInt and dynamic import of it.
 */
function editionForEslint(version: string): number {
  if (semver.gte(version, '8.0.0')) return 2022;
  if (semver.gte(version, '7.8.0')) return 2021;
  if (semver.gte(version, '7.5.0')) return 2020;
  if (semver.gte(version, '5.0.0')) return 2019;
  if (semver.gte(version, '4.0.0')) return 2018;
  return 2017;
}

/** The ESLint each release of standard (and semistandard, which follows it) runs on, for projects where it is not installed. */
function eslintForStandard(version: string): string {
  const major = semver.major(version);
  if (major >= 17) return '8.0.0';
  if (major >= 15) return '7.13.0';
  if (major >= 13) return '6.0.0';
  if (major >= 12) return '5.0.0';
  return '4.0.0';
}

/** `ecmaVersion` as ESLint writes it (3, 5, 6…13, 2015…, "latest") as an edition year; undefined for "latest". */
function editionOf(value: unknown): number | undefined {
  if (typeof value !== 'number') return undefined;
  return value >= 2015 ? value : value >= 6 ? value + 2009 : 5;
}

const ENV_EDITIONS: Record<string, number> = { es6: 2015, es2016: 2016, es2017: 2017, es2018: 2018, es2019: 2019, es2020: 2020, es2021: 2021, es2022: 2022 };

/** What a resolved ESLint configuration lets its parser read; undefined when it reads everything. */
function editionOfConfig(config: Record<string, unknown>, flat: boolean): number | undefined {
  if (flat) {
    const language = isRecord(config.languageOptions) ? config.languageOptions : {};
    if (language.parser !== undefined && !isEspree(language.parser)) return undefined;
    const parserOptions = isRecord(language.parserOptions) ? language.parserOptions : {};
    return editionOf(language.ecmaVersion ?? parserOptions.ecmaVersion);
  }
  // Another parser (babel-eslint, @typescript-eslint/parser) reads every edition whatever ecmaVersion says.
  if (typeof config.parser === 'string' && config.parser !== '' && !/(^|[/\\])espree([/\\]|$)/.test(config.parser)) return undefined;
  const parserOptions = isRecord(config.parserOptions) ? config.parserOptions : {};
  if (parserOptions.ecmaVersion === 'latest') return undefined;
  const env = isRecord(config.env) ? config.env : {};
  const fromEnv = Object.entries(ENV_EDITIONS).filter(([name]) => env[name] === true).map(([, year]) => year);
  // Before ESLint 9, a configuration that names no ecmaVersion parses ES5.
  return Math.max(editionOf(parserOptions.ecmaVersion) ?? 5, ...fromEnv);
}

function isEspree(parser: unknown): boolean {
  return isRecord(parser) && isRecord(parser.meta) && parser.meta.name === 'espree';
}

/**
 * The edition the kit is written in for this project: the lower of what its linter's parser reads
 * and what the oldest Node its `engines` admits runs, never below ES2017. `runtimeFloor` is the
 * oldest Node the kit needs for its own APIs: an engines floor below it lowers nothing, since the
 * kit cannot run there anyway and init says so.
 */
export async function detectSyntaxLevel(
  root: string,
  packageJson: Record<string, unknown>,
  linter: ProjectLinter | null,
  sampleFile: string,
  runtimeFloor: string,
): Promise<SyntaxLevel> {
  const level: SyntaxLevel = { ecmaVersion: MODERN_ECMA_VERSION };
  const fromLinter = linter ? await linterEdition(root, packageJson, linter, sampleFile) : undefined;
  if (fromLinter && fromLinter.ecmaVersion < MODERN_ECMA_VERSION) level.linter = fromLinter;
  const engines = isRecord(packageJson.engines) && typeof packageJson.engines.node === 'string' ? packageJson.engines.node.trim() : undefined;
  const lowest = engines && !['', '*'].includes(engines) && semver.validRange(engines) ? semver.minVersion(engines) : null;
  if (engines && lowest) {
    const floor = semver.gt(lowest, runtimeFloor) ? lowest.version : runtimeFloor;
    const ecmaVersion = editionForNode(floor);
    if (ecmaVersion < MODERN_ECMA_VERSION) level.engines = { ecmaVersion, range: engines };
  }
  const lowestTaken = Math.min(level.linter?.ecmaVersion ?? MODERN_ECMA_VERSION, level.engines?.ecmaVersion ?? MODERN_ECMA_VERSION);
  level.ecmaVersion = Math.max(OLDEST_ECMA_VERSION, Math.min(MODERN_ECMA_VERSION, lowestTaken)) as EcmaVersion;
  return level;
}

/** What init tells the user about the edition the kit is written in, and about a linter older than the kit can go. */
export function syntaxLevelNotes(level: SyntaxLevel): string[] {
  if (level.ecmaVersion >= MODERN_ECMA_VERSION) return [];
  const reasons = [
    ...(level.linter ? [level.linter.reason] : []),
    ...(level.engines ? [`engines.node ${level.engines.range} admits Node versions that run ES${level.engines.ecmaVersion}`] : []),
  ];
  const notes = [`the JavaScript kit is written in ES${level.ecmaVersion} syntax: ${reasons.join(', and ')}`];
  if (level.linter && level.linter.ecmaVersion < OLDEST_ECMA_VERSION) {
    notes.push(`the kit needs ES${OLDEST_ECMA_VERSION} (classes and async functions), which the linter's parser does not read: set its ecmaVersion to ${OLDEST_ECMA_VERSION} or later`);
  }
  return notes;
}

async function linterEdition(
  root: string,
  packageJson: Record<string, unknown>,
  linter: ProjectLinter,
  sampleFile: string,
): Promise<{ ecmaVersion: number; reason: string } | undefined> {
  // biome has its own parser, and ts-standard lints with typescript-eslint's: both read every edition.
  if (linter.kind === 'biome' || linter.kind === 'ts-standard') return undefined;
  const fromProject = createRequire(join(root, 'package.json'));
  // standard, semistandard and xo bring their own ESLint: its version is the one that parses.
  const host = linter.kind === 'eslint' ? fromProject : requireFrom(fromProject, `${linter.packageName}/package.json`);
  const installed = host ? installedVersion(host, 'eslint/package.json') : undefined;
  const declared = declaredVersion(packageJson, linter.packageName);
  const standardFamily = linter.kind === 'standard' || linter.kind === 'semistandard';
  const eslintVersion = installed ?? (declared && linter.kind === 'eslint' ? declared : declared && standardFamily ? eslintForStandard(declared) : undefined);
  const byVersion = eslintVersion ? editionForEslint(eslintVersion) : MODERN_ECMA_VERSION;

  let byConfig: number | undefined;
  if (standardFamily && host) byConfig = standardEdition(host);
  else if (linter.kind === 'eslint') {
    const config = installed ? await resolvedConfig(root, sampleFile) : ownConfig(root, packageJson);
    byConfig = config ? editionOfConfig(config.config, config.flat) : undefined;
  }
  const edition = Math.min(byVersion, byConfig ?? MODERN_ECMA_VERSION);
  if (edition >= MODERN_ECMA_VERSION) return undefined;

  const ownVersion = linter.kind === 'eslint' ? undefined : (installedVersion(fromProject, `${linter.packageName}/package.json`) ?? declared);
  const name = linter.kind === 'eslint' ? `ESLint ${eslintVersion}` : `${linter.packageName}${ownVersion ? ` ${ownVersion}` : ''} (ESLint ${eslintVersion ?? 'of unknown version'})`;
  const reason = byConfig !== undefined && byConfig <= byVersion ? `the ${name} configuration parses ES${byConfig}` : `${name} parses up to ES${byVersion}`;
  return { ecmaVersion: edition, reason };
}

/** The edition standard's shared configuration (which semistandard extends) tells its parser; undefined when it says none. */
function standardEdition(host: NodeJS.Require): number | undefined {
  try {
    const shared = host('eslint-config-standard') as unknown;
    return isRecord(shared) && isRecord(shared.parserOptions) ? editionOf(shared.parserOptions.ecmaVersion) : undefined;
  } catch {
    // not installed where standard can reach it: its ESLint version still says what it parses
    return undefined;
  }
}

function requireFrom(base: NodeJS.Require, specifier: string): NodeJS.Require | undefined {
  try {
    return createRequire(base.resolve(specifier));
  } catch {
    // not installed: the declared version stands in for it
    return undefined;
  }
}

function installedVersion(from: NodeJS.Require, specifier: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(from.resolve(specifier), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' && semver.valid(manifest.version) ? manifest.version : undefined;
  } catch {
    // not installed, or a package that does not expose its package.json
    return undefined;
  }
}

function declaredVersion(packageJson: Record<string, unknown>, name: string): string | undefined {
  for (const field of ['devDependencies', 'dependencies']) {
    const section = packageJson[field];
    const range = isRecord(section) ? section[name] : undefined;
    if (typeof range === 'string' && semver.validRange(range)) return semver.minVersion(range)?.version;
  }
  return undefined;
}

/**
 * The configuration the project's own ESLint computes for a file in the kit's folder, with every
 * `extends` and override applied: the only reliable answer to what its parser is told to read.
 */
async function resolvedConfig(root: string, sampleFile: string): Promise<{ config: Record<string, unknown>; flat: boolean } | undefined> {
  try {
    const eslint = await eslintConfigReader(root);
    const config = await eslint?.configFor(sampleFile);
    return eslint && isRecord(config) ? { config, flat: eslint.flat } : undefined;
  } catch {
    // A configuration ESLint cannot load says nothing about the syntax; its version still does.
  }
  return undefined;
}

/**
 * Without an installed ESLint, the project's own configuration in JSON, when it names an edition
 * itself: what it extends cannot be read without the linter, and may name one instead.
 */
function ownConfig(root: string, packageJson: Record<string, unknown>): { config: Record<string, unknown>; flat: boolean } | undefined {
  const namesEdition = (config: unknown): config is Record<string, unknown> =>
    isRecord(config) &&
    ((isRecord(config.parserOptions) && config.parserOptions.ecmaVersion !== undefined) ||
      (isRecord(config.env) && Object.keys(config.env).some((name) => name in ENV_EDITIONS)));
  if (packageJson.eslintConfig !== undefined) return namesEdition(packageJson.eslintConfig) ? { config: packageJson.eslintConfig, flat: false } : undefined;
  for (const dir of repositoryAncestors(root)) {
    const file = ['.eslintrc.json', '.eslintrc'].map((name) => join(dir, name)).find((path) => existsSync(path));
    if (!file) continue;
    try {
      const config = readJsonFileSync(file, JSONC);
      return namesEdition(config) ? { config, flat: false } : undefined;
    } catch {
      // YAML in an extension-less `.eslintrc`: nothing to read without the linter
      return undefined;
    }
  }
  return undefined;
}
