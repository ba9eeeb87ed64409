import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../catalog/model.js';
import { codeInGeneratedBlock, RUNBOOK_NAMES, runbookFileName } from '../catalog/runbook-names.js';
import { isWithin, resolveInsideProject } from '../fs/project-paths.js';
import type { ExistingFiles } from './render.js';
import { hasGeneratedBlock } from './runbook-merge.js';

/** A runbook page that `sync` moves to the name the catalog gives it now, keeping its text. */
export interface RunbookMove {
  /** Relative to the project root, posix separators. */
  from: string;
  to: string;
}

/** A generated page in the runbook folder that is not where the catalog puts any page. */
export interface StrayRunbookPage {
  file: string;
  code: string;
  /** The page the catalog names for that code, when the code is in the catalog. */
  catalogPage?: string;
}

/**
 * The runbook folder's generated pages (they carry the generated block) that are not at a path the
 * catalog gives: pages named as the catalog named them before its `runbookNames` changed, pages
 * renamed by hand, and pages of codes the catalog no longer has. A page is known by the code its
 * block names, else by its file name under any naming.
 */
export function strayRunbookPages(root: string, catalog: Catalog, expected: Set<string>, existing: ExistingFiles): StrayRunbookPage[] {
  const runbookDir = catalog.target.runbookDir.replace(/\/+$/, '');
  const absoluteDir = path.resolve(root, runbookDir);
  if (!isWithin(root, absoluteDir) || !existsSync(absoluteDir) || !statSync(absoluteDir).isDirectory()) return [];
  const codeByFileName = new Map<string, string>();
  for (const names of RUNBOOK_NAMES) {
    for (const entry of catalog.errors) codeByFileName.set(runbookFileName(entry.code, names), entry.code);
  }
  const pageByCode = new Map(catalog.errors.map((entry) => [entry.code, `${runbookDir}/${runbookFileName(entry.code, catalog.target.runbookNames)}`]));
  const stray: StrayRunbookPage[] = [];
  for (const name of readdirSync(absoluteDir).sort()) {
    const file = path.posix.join(runbookDir, name);
    if (!name.endsWith('.md') || expected.has(file)) continue;
    const content = readOrNothing(existing, file);
    if (content === undefined || !hasGeneratedBlock(content)) continue;
    const code = codeInGeneratedBlock(content) ?? codeByFileName.get(name) ?? /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\.md$/.exec(name)?.[1];
    if (code === undefined) continue;
    const catalogPage = pageByCode.get(code);
    stray.push({ file, code, ...(catalogPage === undefined ? {} : { catalogPage }) });
  }
  return stray;
}

/**
 * Which stray pages move to the catalog's name for their code: those whose new name is free (or is
 * the same file, on a file system that ignores case). A page whose new name is taken stays, for the
 * team to merge by hand: faultline never chooses between two pages of text.
 */
export function plannedRunbookMoves(root: string, stray: StrayRunbookPage[], existing: ExistingFiles): RunbookMove[] {
  const moves: RunbookMove[] = [];
  const claimed = new Set<string>();
  for (const page of stray) {
    const to = page.catalogPage;
    if (to === undefined || claimed.has(to)) continue;
    if (readOrNothing(existing, to) !== undefined && !sameFile(root, page.file, to)) continue;
    claimed.add(to);
    moves.push({ from: page.file, to });
  }
  return moves;
}

/**
 * Renames each page to its new name before the new content is written over it: an interrupted run
 * leaves the team's text under one name or the other, never only in a deleted file.
 */
export function applyRunbookMoves(root: string, moves: RunbookMove[]): void {
  for (const move of moves) renameSync(resolveInsideProject(root, move.from), resolveInsideProject(root, move.to));
}

function sameFile(root: string, a: string, b: string): boolean {
  try {
    const first = statSync(resolveInsideProject(root, a));
    const second = statSync(resolveInsideProject(root, b));
    return first.ino === second.ino && first.dev === second.dev;
  } catch {
    return false;
  }
}

function readOrNothing(existing: ExistingFiles, relativePath: string): string | undefined {
  try {
    return existing.read(relativePath);
  } catch {
    return undefined;
  }
}
