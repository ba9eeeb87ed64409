import { isAbsolute, relative, resolve } from 'node:path';
import type { KitExport, KitLocation, TransformModule } from '../../types.js';
import { applyEdits } from '../../shared/apply-edits.js';
import { createKitImports } from './kit-imports.js';
import { locateKit, missingKitError, type KitOverrides } from './kit-location.js';
import { detectModuleStyle } from './module-style.js';

/** What jscodeshift hands a transform; its API object is not needed, since our own parser is used. */
export interface JscodeshiftFile {
  path: string;
  source: string;
}

export type JscodeshiftTransform = (file: JscodeshiftFile, api?: unknown, options?: Record<string, unknown>) => Promise<string | undefined>;

/**
 * A transform module as a plain jscodeshift transform, so `jscodeshift -t dist/transforms/javascript/<id>.js`
 * runs it without faultline's engine. Options: `--kitDir`, `--importSuffix`, `--importAlias`; without
 * `--kitDir` the kit is found through the nearest faultline.catalog.json, and a file whose fix needs the
 * kit fails with a one-line explanation when there is neither. Returns undefined (jscodeshift counts the
 * file as skipped) when the transform has nothing to fix. jscodeshift awaits the result, which lets
 * the parser load only here: the command line imports every transform module and mostly never
 * needs @babel/parser.
 */
export function toJscodeshift(module: TransformModule): JscodeshiftTransform {
  return async (file, _api, options = {}) => {
    if (!module.mightMatch(file.source)) return undefined;
    const filePath = resolve(file.path);
    const { parseSource } = await import('./parse.js');
    const ast = parseSource(file.source, filePath);
    const moduleStyle = detectModuleStyle(ast, filePath);
    const located = locateKit(filePath, overridesFrom(options), moduleStyle);
    // The kit is generated code: rewriting it would only make `faultline check` report drift.
    if (located !== undefined && isInside(filePath, located.kitDir)) return undefined;
    // Transforms that import nothing from the kit run without one; asking for an export then fails the file.
    const kit: KitLocation = located ?? { kitDir: NO_KIT_DIR, importSuffix: '', language: 'typescript', errorClasses: [], mappings: [] };
    const base = { filePath, source: file.source, ast, kit, moduleStyle };
    const findings = module.detect(base);
    if (!findings.some((finding) => finding.fixable)) return undefined;
    const imports = createKitImports(base);
    const useKitExport = (name: KitExport): string => {
      if (located === undefined) throw missingKitError(filePath);
      return imports.useKitExport(name);
    };
    const { edits } = module.fix({ ...base, useKitExport }, findings);
    if (edits.length === 0) return undefined;
    const output = applyEdits(file.source, [...edits, ...imports.edits()]);
    return output === file.source ? undefined : output;
  };
}

function isInside(filePath: string, dir: string): boolean {
  const path = relative(dir, filePath);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}

/** A directory no import can name, standing in for the kit when none is configured. */
const NO_KIT_DIR = resolve('\0faultline-no-kit');

function overridesFrom(options: Record<string, unknown>): KitOverrides {
  const overrides: KitOverrides = {};
  const text = (key: string): string | undefined => {
    const value = options[key];
    // jscodeshift turns a bare `--importSuffix=` into true-ish flags and numbers into numbers.
    if (value === undefined || value === null || typeof value === 'boolean') return undefined;
    return String(value);
  };
  const kitDir = text('kitDir');
  const importSuffix = text('importSuffix');
  const importAlias = text('importAlias');
  if (kitDir !== undefined) overrides.kitDir = kitDir;
  if (importSuffix !== undefined) overrides.importSuffix = importSuffix;
  if (importAlias !== undefined) overrides.importAlias = importAlias;
  return overrides;
}
