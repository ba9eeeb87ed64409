import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogTarget } from '../catalog/model.js';
import type { DesiredFile } from '../fs/file-changes.js';
import { isRecord } from '../project/read-json-file.js';
import { JEST_CONFIG_FILES, VITEST_CONFIG_FILES, type CoverageWrapper, type TestSetup } from '../project/test-setup.js';
import { addJsonProperty, appendJsonArrayItem } from './json-text-edits.js';

/**
 * A project with coverage thresholds measures the code its team writes. The kit is generated and
 * proven by faultline's own tests; its generated test checks that it works in this project, not
 * every defensive branch, so counting it would fail thresholds (100% ones above all) that the
 * team's own code meets. `init` therefore writes the kit's folder into the project's own coverage
 * exclusions, where the team sees it and can take it out once they test the kit themselves.
 */
export interface CoverageExclusion {
  /** The coverage tool's config file with the kit's folder excluded; absent when package.json holds it or nothing could be edited. */
  file?: DesiredFile;
  /** The exclusion written into package.json, where the tool's settings live there. */
  packageJsonEdit?: (text: string) => string;
  note: string;
}

/**
 * What c8 and nyc exclude when their settings name no `exclude` (@istanbuljs/schema's default).
 * Setting `exclude` replaces this list, so the kit's folder is added to a copy of it: the
 * project's tests and configs stay out of its coverage as before.
 */
export const ISTANBUL_DEFAULT_EXCLUDE = [
  'coverage/**',
  'packages/*/test{,s}/**',
  '**/*.d.ts',
  'test{,s}/**',
  'test{,-*}.{js,cjs,mjs,ts,tsx,jsx}',
  '**/*{.,-}test.{js,cjs,mjs,ts,tsx,jsx}',
  '**/__tests__/**',
  '**/{ava,babel,nyc}.config.{js,cjs,mjs}',
  '**/jest.config.{js,cjs,mjs,ts}',
  '**/{karma,rollup,webpack}.config.js',
  '**/.{eslint,mocha}rc.{js,cjs}',
];

export function planCoverageExclusion(root: string, setup: TestSetup, target: CatalogTarget): CoverageExclusion | undefined {
  if (!setup.coverageThresholds) return undefined;
  const kitDir = target.kitDir.replace(/\/+$/, '');
  const said = (where: string) => `${kitDir} is excluded from coverage in ${where}: the project's coverage thresholds measure its own code, and the kit's test covers what the kit does, not every branch`;
  // c8 and nyc wrap whatever runs the tests, so their thresholds count the kit whichever runner its test is written for.
  if (setup.coverageWrapper) return wrapperExclusion(root, setup.coverageWrapper, kitDir, said);
  if (target.testRunner !== setup.runner) return undefined;
  if (setup.runner === 'vitest') {
    const configPath = VITEST_CONFIG_FILES.map((name) => path.join(root, name)).find((file) => existsSync(file));
    if (configPath) {
      const text = readFileSync(configPath, 'utf8');
      const edited = addToConfigList(text, 'coverage', 'exclude', `${kitDir}/**`);
      const name = path.basename(configPath);
      if (edited === text) return undefined;
      if (edited !== null) return { file: { path: name, content: edited, kind: 'merged' }, note: said(name) };
    }
  } else if (setup.runner === 'jest') {
    const fromPackage = readPackageJson(root).jest;
    if (isRecord(fromPackage)) {
      if (fromPackage.coverageThreshold === undefined || JSON.stringify(fromPackage.coveragePathIgnorePatterns ?? []).includes(JSON.stringify(jestIgnorePattern(kitDir)))) return undefined;
      const edit = (text: string) =>
        Array.isArray(fromPackage.coveragePathIgnorePatterns)
          ? appendJsonArrayItem(text, ['jest', 'coveragePathIgnorePatterns'], jestIgnorePattern(kitDir))
          : addJsonProperty(text, ['jest', 'coveragePathIgnorePatterns'], ['/node_modules/', jestIgnorePattern(kitDir)]);
      return { packageJsonEdit: edit, note: said('package.json') };
    }
    const configPath = JEST_CONFIG_FILES.map((name) => path.join(root, name)).find((file) => existsSync(file));
    if (configPath) {
      const text = readFileSync(configPath, 'utf8');
      const name = path.basename(configPath);
      const edited = name.endsWith('.json') ? excludeInJsonJestConfig(text, kitDir) : addJestIgnorePattern(text, kitDir);
      if (edited === text) return undefined;
      if (edited !== null) return { file: { path: name, content: edited, kind: 'merged' }, note: said(name) };
    }
  }
  return { note: `the project's coverage thresholds count ${kitDir}, which the kit's test does not cover in full: exclude ${kitDir}/** in the coverage configuration, or extend the kit's test` };
}

/**
 * c8's or nyc's `exclude` with the kit's folder: in the rc file it reads, else in package.json's
 * key for it (created when the thresholds come from command-line flags alone; the tool merges
 * flags with these settings). A settings file written as code or YAML gets a note instead.
 */
function wrapperExclusion(root: string, wrapper: CoverageWrapper, kitDir: string, said: (where: string) => string): CoverageExclusion | undefined {
  const pattern = `${kitDir}/**`;
  const excluding = (text: string, key: string[]): string => {
    const current = JSON.parse(text) as Record<string, unknown>;
    const settings = key.length === 0 ? current : current[key[0]!];
    const exclude = isRecord(settings) ? settings.exclude : undefined;
    if (Array.isArray(exclude)) return appendJsonArrayItem(text, [...key, 'exclude'], pattern);
    return addJsonProperty(text, [...key, 'exclude'], [...(typeof exclude === 'string' ? [exclude] : ISTANBUL_DEFAULT_EXCLUDE), pattern]);
  };
  const configFile = wrapper.configFile ?? 'package.json';
  if (configFile === 'package.json') {
    const settings = readPackageJson(root)[wrapper.tool];
    if (isRecord(settings) && Array.isArray(settings.exclude) && settings.exclude.includes(pattern)) return undefined;
    return { packageJsonEdit: (text) => excluding(text, [wrapper.tool]), note: said(`package.json "${wrapper.tool}"`) };
  }
  const absolute = path.join(root, configFile);
  const text = readFileSync(absolute, 'utf8');
  if (/(\.json|rc)$/.test(configFile)) {
    try {
      const edited = excluding(text, []);
      return edited === text ? undefined : { file: { path: configFile, content: edited, kind: 'merged' }, note: said(configFile) };
    } catch {
      // A file that is not a JSON object is left to its owner, with the note below.
    }
  }
  if (text.includes(pattern)) return undefined;
  return { note: `the project's ${wrapper.tool} coverage thresholds count ${kitDir}, which the kit's test does not cover in full: add ${pattern} to exclude in ${configFile}` };
}

/** The pattern that keeps jest from measuring the kit; jest matches it against absolute paths. */
export function jestIgnorePattern(kitDir: string): string {
  return `<rootDir>/${kitDir.replace(/\/+$/, '')}/`;
}

/**
 * A jest config object with the kit's folder in `coveragePathIgnorePatterns`, or undefined when it
 * has no thresholds or already ignores it. Setting the option replaces jest's default
 * (`/node_modules/`), so that default is kept explicitly.
 */
export function withJestCoverageExclusion(config: Record<string, unknown>, kitDir: string): Record<string, unknown> | undefined {
  if (config.coverageThreshold === undefined) return undefined;
  const current = Array.isArray(config.coveragePathIgnorePatterns) ? (config.coveragePathIgnorePatterns as unknown[]) : ['/node_modules/'];
  const pattern = jestIgnorePattern(kitDir);
  if (current.includes(pattern)) return undefined;
  return { ...config, coveragePathIgnorePatterns: [...current, pattern] };
}

function excludeInJsonJestConfig(text: string, kitDir: string): string | null {
  const parsed: unknown = JSON.parse(text);
  if (!isRecord(parsed)) return null;
  if (!withJestCoverageExclusion(parsed, kitDir)) return text;
  return Array.isArray(parsed.coveragePathIgnorePatterns)
    ? appendJsonArrayItem(text, ['coveragePathIgnorePatterns'], jestIgnorePattern(kitDir))
    : addJsonProperty(text, ['coveragePathIgnorePatterns'], ['/node_modules/', jestIgnorePattern(kitDir)]);
}

function addJestIgnorePattern(text: string, kitDir: string): string | null {
  const pattern = jestIgnorePattern(kitDir);
  if (text.includes(pattern)) return text;
  const existing = /\bcoveragePathIgnorePatterns\s*:\s*\[/.exec(text);
  const quote = quoteOf(text);
  if (existing) return insertAt(text, existing.index + existing[0].length, `${quote}${pattern}${quote}, `);
  const threshold = /^([ \t]*)coverageThreshold\s*:/m.exec(text);
  if (!threshold) return null;
  const line = `${threshold[1]}coveragePathIgnorePatterns: [${quote}/node_modules/${quote}, ${quote}${pattern}${quote}],\n`;
  return insertAt(text, threshold.index, line);
}

/**
 * Adds `value` to the list `key` inside the object literal `section: { … }` of a config file
 * written as code, keeping the file's quotes and indentation; creates the list when missing.
 * null when the file has no such object literal to edit.
 */
export function addToConfigList(text: string, section: string, key: string, value: string): string | null {
  const open = new RegExp(`\\b${section}\\s*:\\s*\\{`).exec(text);
  if (!open) return null;
  const start = open.index + open[0].length;
  const end = matchingBrace(text, start);
  if (end < 0) return null;
  const body = text.slice(start, end);
  const quote = quoteOf(text);
  const literal = `${quote}${value}${quote}`;
  if (body.includes(literal)) return text;
  const list = new RegExp(`\\b${key}\\s*:\\s*\\[`).exec(body);
  if (list) return insertAt(text, start + list.index + list[0].length, `${literal}, `);
  const indent = /\n([ \t]+)\S/.exec(body)?.[1] ?? '  ';
  return insertAt(text, start, `\n${indent}${key}: [${literal}],`);
}

function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
  }
  return -1;
}

function quoteOf(text: string): string {
  return (text.match(/'/g)?.length ?? 0) >= (text.match(/"/g)?.length ?? 0) ? "'" : '"';
}

function insertAt(text: string, index: number, insertion: string): string {
  return text.slice(0, index) + insertion + text.slice(index);
}

function readPackageJson(root: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    return isRecord(parsed) ? parsed : {};
  } catch {
    // detectProject has already read and validated it; a file gone since then has no jest key.
    return {};
  }
}
