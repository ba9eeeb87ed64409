import path from 'node:path';
import { loadCatalog } from '../catalog/load.js';
import type { Catalog } from '../catalog/model.js';
import { applyChanges, planChanges, type DesiredFile, type FileChange } from '../fs/file-changes.js';
import { toPosix } from '../fs/project-paths.js';
import { projectFiles, readProjectFile, renderProjectCatalogFiles } from './project-catalog-files.js';
import { planPackageJson } from './package-json.js';
import type { ExistingFiles } from './render.js';
import { hasGeneratedBlock, mergeGeneratedBlock } from './runbook-merge.js';
import { applyRunbookMoves, plannedRunbookMoves, strayRunbookPages, type RunbookMove } from './runbook-moves.js';

/** A file `sync` had to leave alone, and why. */
export interface SyncProblem {
  path: string;
  message: string;
}

/** What the catalog asks of the project's files, before comparing with the disk. */
export interface CatalogFilesPlan {
  /** Every file to write or confirm, in the kinds the write path understands. */
  desired: DesiredFile[];
  /** Files the user owns that exist: never rewritten. */
  kept: string[];
  /** Pages whose generated block cannot be found safely: left untouched. */
  problems: SyncProblem[];
  /** The project's files as planning read them. */
  existing?: ExistingFiles;
  /** Runbook pages that move to the name the catalog gives them now (their text is kept). */
  moves: RunbookMove[];
}

export interface SyncOptions {
  root: string;
  dryRun: boolean;
}

export interface SyncResult {
  root: string;
  /** The catalog file, relative to the root. */
  catalogFile: string;
  changes: FileChange[];
  kept: string[];
  problems: SyncProblem[];
  /** Runbook pages moved (or, in a dry run, to move) to the name the catalog gives them now. */
  moved: RunbookMove[];
  /** True when changes were written (not a dry run, something differed). */
  written: boolean;
  /** Packages the kit needs that package.json lacked and sync added (e.g. pino after a logger change). */
  addedDependencies: string[];
}

/**
 * Decides, file by file, what the catalog's output means for this project: derived files are
 * regenerated, owned files are created only when missing, and pages with a generated block get
 * that block refreshed while the team's text around it is kept; a page under the name an earlier
 * `runbookNames` gave it moves to its new one with its text. Every target language the renderer
 * supports is handled the same way.
 */
export async function planCatalogFiles(root: string, catalog: Catalog): Promise<CatalogFilesPlan> {
  const existing = projectFiles(root);
  const rendered = await renderProjectCatalogFiles(root, catalog, existing);
  const expected = new Set(rendered.map((file) => file.path));
  const moves = plannedRunbookMoves(root, strayRunbookPages(root, catalog, expected, existing), existing);
  const plan: CatalogFilesPlan = { desired: [], kept: [], problems: [], existing, moves };
  const movedFrom = new Map(moves.map((move) => [move.to, move.from]));
  for (const file of rendered) {
    const from = movedFrom.get(file.path);
    const current = existing.read(file.path) ?? (from === undefined ? undefined : existing.read(from));
    if (file.kind === 'derived' || current === undefined) {
      plan.desired.push({ ...file, regenerated: true });
    } else if (hasGeneratedBlock(file.content)) {
      const merged = mergeGeneratedBlock(current, file.content);
      if (merged.ok) plan.desired.push({ path: file.path, content: merged.content, kind: 'merged' });
      else plan.problems.push({ path: from ?? file.path, message: `its generated block cannot be refreshed: ${merged.reason}` });
    } else {
      plan.kept.push(file.path);
    }
  }
  // A page whose block cannot be refreshed stays under its old name, reported, for the team to fix first.
  const planned = new Set(plan.desired.map((file) => file.path));
  plan.moves = moves.filter((move) => planned.has(move.to));
  return plan;
}

/** Compares a plan with the disk; derived files that differ are updates, never conflicts. */
export function planCatalogChanges(root: string, plan: CatalogFilesPlan): FileChange[] {
  return planChanges(root, plan.desired, { force: false, refreshDerived: true, alreadyRead: plan.existing && ((file) => readOrNothing(plan.existing!, file)) });
}

/** Moves runbook pages to their new names first, then writes every change over them. */
export async function applyCatalogChanges(root: string, plan: CatalogFilesPlan, changes: FileChange[]): Promise<void> {
  applyRunbookMoves(root, plan.moves);
  await applyChanges(changes);
}

function readOrNothing(existing: ExistingFiles, relativePath: string): string | undefined {
  try {
    return existing.read(relativePath);
  } catch {
    return undefined;
  }
}

/** Regenerates everything derived from the catalog, keeping what the user owns. */
export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const root = path.resolve(options.root);
  const { catalog, path: catalogPath } = loadCatalog(root);
  const plan = await planCatalogFiles(root, catalog);
  const packageJson = planKitPackageJson(root, catalog);
  if (packageJson !== undefined) plan.desired.push(packageJson);
  const changes = planCatalogChanges(root, plan);
  const written = !options.dryRun && (plan.moves.length > 0 || changes.some((change) => change.status !== 'unchanged'));
  if (written) await applyCatalogChanges(root, plan, changes);
  return {
    root,
    catalogFile: toPosix(path.relative(root, catalogPath)),
    changes,
    kept: plan.kept,
    problems: plan.problems,
    moved: plan.moves,
    written,
    addedDependencies: packageJson?.addedDependencies ?? [],
  };
}

/**
 * What package.json lacks for the kit the catalog now describes: a catalog switched to pino needs
 * pino, to TypeScript needs typescript. Only dependencies are added, as `init` adds them; a project
 * without package.json (or a Python one) is left as it is.
 */
/** Packages the kit needs that the project's package.json lacks (none without one, or for Python). */
export function missingKitDependencies(root: string, catalog: Catalog): string[] {
  return planKitPackageJson(root, catalog)?.addedDependencies ?? [];
}

function planKitPackageJson(root: string, catalog: Catalog): ReturnType<typeof planPackageJson> {
  if (catalog.target.language === 'python') return undefined;
  const current = readProjectFile(root, 'package.json');
  if (current === undefined) return undefined;
  try {
    // Scripts are the user's after init: a removed test:errors stays removed.
    return planPackageJson({ current, projectName: path.basename(root), target: catalog.target, root, scripts: false });
  } catch {
    // A package.json that is not JSON is npm's to complain about, not sync's.
    return undefined;
  }
}
