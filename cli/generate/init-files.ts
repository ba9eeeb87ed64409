import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { newCatalog } from '../catalog/defaults.js';
import { CATALOG_FILE, parseCatalog } from '../catalog/load.js';
import type { Catalog, CatalogTarget } from '../catalog/model.js';
import { serializeCatalog } from '../catalog/serialize.js';
import { applyChanges, planChanges, type DesiredFile, type FileChange } from '../fs/file-changes.js';

/** What every language's `init` shares: the catalog it starts from, and writing all or nothing. */
export interface InitCatalog {
  catalog: Catalog;
  /** The catalog file as `init` wants it on disk. */
  file: DesiredFile;
}

/**
 * The project's catalog when it has one (a re-run keeps the user's errors; only target fields
 * given explicitly change), or a new one with the default errors.
 */
export function catalogForInit(root: string, explicit: Partial<CatalogTarget>, resolved: CatalogTarget): InitCatalog {
  const catalogPath = path.join(root, CATALOG_FILE);
  if (!existsSync(catalogPath)) {
    const catalog = newCatalog(resolved);
    return { catalog, file: { path: CATALOG_FILE, content: serializeCatalog(catalog), kind: 'owned' } };
  }
  const existing = parseCatalog(readFileSync(catalogPath, 'utf8'), catalogPath);
  const catalog = Object.keys(explicit).length === 0 ? existing : withExplicitTarget(existing, explicit, resolved);
  return { catalog, file: { path: CATALOG_FILE, content: serializeCatalog(catalog), kind: 'merged' } };
}

const TEST_FILE_INPUTS: Array<keyof CatalogTarget> = ['testRunner', 'language', 'moduleSystem', 'kitDir'];

function withExplicitTarget(catalog: Catalog, explicit: Partial<CatalogTarget>, resolved: CatalogTarget): Catalog {
  const target: CatalogTarget = { ...catalog.target };
  for (const key of Object.keys(explicit) as Array<keyof CatalogTarget>) {
    (target as unknown as Record<string, unknown>)[key] = resolved[key];
  }
  target.importSuffix = resolved.importSuffix;
  // Where the kit's test goes follows from the runner, language and folder: a new one of them moves it.
  if (TEST_FILE_INPUTS.some((key) => key in explicit)) {
    if (resolved.testFile === undefined) delete target.testFile;
    else target.testFile = resolved.testFile;
  }
  return { ...catalog, target };
}

export interface InitWrite {
  changes: FileChange[];
  conflicts: FileChange[];
  /** True when files were written: not a dry run, and nothing conflicted. */
  written: boolean;
}

/** Plans every file and writes them all, or none when one conflicts or it is a dry run. */
export async function writeInitFiles(root: string, desired: DesiredFile[], options: { dryRun: boolean; force: boolean }): Promise<InitWrite> {
  const changes = planChanges(root, desired, { force: options.force });
  const conflicts = changes.filter((c) => c.status === 'conflict');
  const written = !options.dryRun && conflicts.length === 0;
  if (written) await applyChanges(changes);
  return { changes, conflicts, written };
}
