import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findCatalog, parseCatalog } from '../../cli/catalog/load.js';
import { UsageError } from '../../cli/errors.js';
import type { KitLocation } from '../types.js';

/** Kit settings given on the command line of a plain jscodeshift run (`--kitDir=src/errors`). */
export interface KitOverrides {
  kitDir?: string;
  importSuffix?: string;
  importAlias?: string;
}

const catalogs = new Map<string, KitLocation>();

/**
 * Where the kit is for `filePath`: from explicit settings when `kitDir` is given (relative to the
 * working directory), else from the nearest `faultline.catalog.json` above the file, whose
 * `target.kitDir` is relative to the catalog's directory. Explicit suffix and alias settings win over
 * the catalog's.
 */
export function locateKit(filePath: string, overrides: KitOverrides, moduleStyle: 'esm' | 'cjs'): KitLocation {
  const catalogPath = findCatalog(dirname(resolve(filePath)));
  const fromCatalog = catalogPath === undefined ? undefined : kitFromCatalog(catalogPath);
  if (overrides.kitDir === undefined && fromCatalog === undefined) {
    throw new UsageError(
      `no kit found for ${filePath}: pass --kitDir=<path to the kit> or run \`faultline init\` to create faultline.catalog.json`,
    );
  }
  const base: KitLocation = fromCatalog ?? {
    kitDir: '',
    // Without a catalog to say otherwise: ESM resolution needs the suffix, CommonJS does without.
    importSuffix: moduleStyle === 'esm' ? '.js' : '',
    language: /\.[cm]?tsx?$/i.test(filePath) ? 'typescript' : 'javascript',
    errorClasses: [],
    mappings: [],
  };
  const kit: KitLocation = { ...base };
  if (overrides.kitDir !== undefined) kit.kitDir = resolve(overrides.kitDir);
  if (overrides.importSuffix !== undefined) kit.importSuffix = overrides.importSuffix;
  if (overrides.importAlias !== undefined && overrides.importAlias !== '') kit.importAlias = overrides.importAlias;
  return kit;
}

function kitFromCatalog(catalogPath: string): KitLocation {
  const cached = catalogs.get(catalogPath);
  if (cached) return cached;
  const catalog = parseCatalog(readFileSync(catalogPath, 'utf8'), catalogPath);
  const { target } = catalog;
  if (target.language === 'python') {
    throw new UsageError(`${catalogPath} targets Python; the transforms rewrite JavaScript and TypeScript — point --kitDir at a JavaScript kit instead`);
  }
  const kit: KitLocation = {
    kitDir: resolve(dirname(catalogPath), target.kitDir),
    importSuffix: target.importSuffix,
    language: target.language,
    errorClasses: catalog.errors.map((error) => error.name),
    mappings: catalog.mappings.map((mapping) => ({ ...mapping })),
  };
  if (target.importAlias !== undefined) kit.importAlias = target.importAlias;
  catalogs.set(catalogPath, kit);
  return kit;
}
