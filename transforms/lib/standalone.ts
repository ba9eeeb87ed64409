import { resolve } from 'node:path';
import type { TransformModule } from '../types.js';
import { applyEdits } from './apply-edits.js';
import { createKitImports } from './kit-imports.js';
import { locateKit, type KitOverrides } from './kit-location.js';
import { detectModuleStyle } from './module-style.js';
import { parseSource } from './parse.js';

/** What jscodeshift hands a transform; its API object is not needed, since our own parser is used. */
export interface JscodeshiftFile {
  path: string;
  source: string;
}

export type JscodeshiftTransform = (file: JscodeshiftFile, api?: unknown, options?: Record<string, unknown>) => string | undefined;

/**
 * A transform module as a plain jscodeshift transform, so `jscodeshift -t dist/transforms/<id>.js`
 * runs it without faultline's engine. Options: `--kitDir`, `--importSuffix`, `--importAlias`; without
 * `--kitDir` the kit is found through the nearest faultline.catalog.json. Returns undefined (jscodeshift's
 * "unchanged") when the transform has nothing to fix.
 */
export function toJscodeshift(module: TransformModule): JscodeshiftTransform {
  return (file, _api, options = {}) => {
    if (!module.mightMatch(file.source)) return undefined;
    const filePath = resolve(file.path);
    const ast = parseSource(file.source, filePath);
    const moduleStyle = detectModuleStyle(ast, filePath);
    const kit = locateKit(filePath, overridesFrom(options), moduleStyle);
    const base = { filePath, source: file.source, ast, kit, moduleStyle };
    const findings = module.detect(base);
    if (!findings.some((finding) => finding.fixable)) return undefined;
    const imports = createKitImports(base);
    const { edits } = module.fix({ ...base, useKitExport: imports.useKitExport }, findings);
    if (edits.length === 0) return undefined;
    const output = applyEdits(file.source, [...edits, ...imports.edits()]);
    return output === file.source ? undefined : output;
  };
}

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
