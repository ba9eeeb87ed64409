import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../../../cli/errors.js';
import type { KitLocation } from '../../types.js';

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
 * the catalog's. Undefined when neither says where the kit is.
 */
export function locateKit(filePath: string, overrides: KitOverrides, moduleStyle: 'esm' | 'cjs'): KitLocation | undefined {
  const catalogPath = findCatalog(dirname(resolve(filePath)));
  const fromCatalog = catalogPath === undefined ? undefined : kitFromCatalog(catalogPath);
  if (overrides.kitDir === undefined && fromCatalog === undefined) return undefined;
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
  // An empty alias on the command line asks for relative imports even where the catalog has an alias.
  if (overrides.importAlias === '') delete kit.importAlias;
  else if (overrides.importAlias !== undefined) kit.importAlias = overrides.importAlias;
  return kit;
}

/** The one-line explanation for a file that needs the kit when no kit is configured. */
export function missingKitError(filePath: string): UsageError {
  return new UsageError(
    `no kit found for ${filePath}: pass --kitDir=<path to the kit> or run \`faultline init\` to create faultline.catalog.json`,
  );
}

const CATALOG_FILE = 'faultline.catalog.json';

/**
 * The nearest catalog at or above `startDir`. The catalog module's own loader is not used here: it
 * validates against the JSON Schema, which plain jscodeshift runs do not need and whose loading does not
 * survive jscodeshift's Babel require hook.
 */
function findCatalog(startDir: string): string | undefined {
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const candidate = join(dir, CATALOG_FILE);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

interface CatalogShape {
  target?: { kitDir?: unknown; importSuffix?: unknown; importAlias?: unknown; language?: unknown; logger?: unknown };
  errors?: Array<{ name?: unknown }>;
  mappings?: Array<{ pattern?: unknown; flags?: unknown; error?: unknown }>;
}

function kitFromCatalog(catalogPath: string): KitLocation {
  const cached = catalogs.get(catalogPath);
  if (cached) return cached;
  const invalid = (what: string): UsageError =>
    new UsageError(`${catalogPath}: ${what} — fix the catalog (\`faultline check\` explains) or pass --kitDir`);
  let catalog: CatalogShape;
  try {
    catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as CatalogShape;
  } catch (error) {
    throw invalid(`cannot be read as JSON (${(error as Error).message})`);
  }
  const target = catalog.target;
  if (typeof target?.kitDir !== 'string') throw invalid('target.kitDir is missing');
  if (target.language === 'python') {
    throw new UsageError(`${catalogPath} targets Python; the transforms rewrite JavaScript and TypeScript — point --kitDir at a JavaScript kit instead`);
  }
  const kit: KitLocation = {
    kitDir: resolve(dirname(catalogPath), target.kitDir),
    importSuffix: typeof target.importSuffix === 'string' ? target.importSuffix : '',
    language: target.language === 'javascript' ? 'javascript' : 'typescript',
    errorClasses: (catalog.errors ?? []).map((error) => error.name).filter((name): name is string => typeof name === 'string'),
    mappings: (catalog.mappings ?? []).flatMap((mapping) =>
      typeof mapping.pattern === 'string' && typeof mapping.error === 'string'
        ? [{ pattern: mapping.pattern, error: mapping.error, ...(typeof mapping.flags === 'string' ? { flags: mapping.flags } : {}) }]
        : [],
    ),
  };
  if (typeof target.importAlias === 'string' && target.importAlias !== '') kit.importAlias = target.importAlias;
  if (target.logger === 'project') kit.projectLogger = true;
  catalogs.set(catalogPath, kit);
  return kit;
}
