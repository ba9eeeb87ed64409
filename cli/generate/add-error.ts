import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogTextWithError } from '../catalog/append-error.js';
import { loadCatalog, parseCatalog } from '../catalog/load.js';
import type { CatalogErrorEntry } from '../catalog/model.js';
import { runbookFileName } from '../catalog/runbook-names.js';
import { assertNotInCatalog, buildErrorEntry, resolveNameAndCode, type NewErrorInput } from '../catalog/new-error.js';
import type { FileChange } from '../fs/file-changes.js';
import { toPosix } from '../fs/project-paths.js';
import type { RunbookMove } from './runbook-moves.js';
import { applyCatalogChanges, planCatalogChanges, planCatalogFiles, type SyncProblem } from './sync.js';

export interface AddErrorOptions {
  root: string;
  error: NewErrorInput;
  dryRun: boolean;
}

export interface AddErrorResult {
  root: string;
  catalogFile: string;
  /** The entry as recorded in the catalog. */
  entry: CatalogErrorEntry;
  /** The catalog first, then every file regenerated from it. */
  changes: FileChange[];
  kept: string[];
  problems: SyncProblem[];
  /** The new error's runbook page, relative to the root. */
  runbookPage: string;
  /** Runbook pages moved to the name the catalog gives them now. */
  moved: RunbookMove[];
  written: boolean;
}

/**
 * The class name and code a new error would get, refused early (before any prompt) when either
 * is invalid or already in the catalog.
 */
export function resolveNewError(root: string, input: Pick<NewErrorInput, 'name' | 'code'>): { name: string; code: string } {
  const { catalog } = loadCatalog(path.resolve(root));
  const resolved = resolveNameAndCode(input);
  assertNotInCatalog(catalog, resolved.name, resolved.code);
  return resolved;
}

/**
 * Records one error in the catalog and regenerates everything derived from it (its class, the
 * code type, its runbook page, the runbook index, the error catalog page). The new catalog is
 * validated before anything is planned, and nothing is written when any input is refused.
 */
export async function runAddError(options: AddErrorOptions): Promise<AddErrorResult> {
  const root = path.resolve(options.root);
  const { catalog, path: catalogPath } = loadCatalog(root);
  const entry = buildErrorEntry(catalog, options.error);
  const catalogFile = toPosix(path.relative(root, catalogPath));
  const text = catalogTextWithError(readFileSync(catalogPath, 'utf8'), catalog, entry);
  // The same validation a later load applies, so `add` can never leave a catalog that `check` rejects.
  const updated = parseCatalog(text, catalogFile);

  const plan = await planCatalogFiles(root, updated);
  plan.desired.unshift({ path: catalogFile, content: text, kind: 'merged' });
  const changes = planCatalogChanges(root, plan);
  const written = !options.dryRun;
  if (written) await applyCatalogChanges(root, plan, changes);
  const runbookPage = `${updated.target.runbookDir.replace(/\/+$/, '')}/${runbookFileName(entry.code, updated.target.runbookNames)}`;
  return { root, catalogFile, entry, changes, kept: plan.kept, problems: plan.problems, runbookPage, moved: plan.moves, written };
}
