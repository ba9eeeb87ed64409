import { existsSync } from 'node:fs';
import path from 'node:path';
import { CATALOG_FILE, loadCatalog } from '../catalog/load.js';
import type { Catalog } from '../catalog/model.js';
import { validateClassName } from '../catalog/names.js';
import { GENERATED_BLOCK_END, GENERATED_BLOCK_START, missingRunbookSections } from '../catalog/runbook-sections.js';
import { UsageError } from '../errors.js';
import type { DesiredFile } from '../fs/file-changes.js';
import { projectFiles, renderProjectCatalogFiles } from './project-catalog-files.js';
import type { ExistingFiles } from './render.js';
import { withoutDigest } from './format-digest.js';
import { hasGeneratedBlock, mergeGeneratedBlock } from './runbook-merge.js';
import { plannedRunbookMoves, strayRunbookPages, type RunbookMove, type StrayRunbookPage } from './runbook-moves.js';
import { missingKitDependencies } from './sync.js';

export const SYNC_COMMAND = 'npx faultline sync';

export type FindingKind =
  /** The catalog is not valid JSON, breaks its schema, or has duplicate or unusable names and codes. */
  | 'catalog'
  /** A file the catalog produces does not exist. */
  | 'missing'
  /** A derived file differs from what the catalog generates. */
  | 'drift'
  /** A runbook page's generated block is out of date, missing or has broken markers. */
  | 'runbook-block'
  /** A runbook page lacks required sections. */
  | 'runbook-sections'
  /** A generated runbook page for a code that is no longer in the catalog, or a second page of a code that has one. */
  | 'orphan-runbook'
  /** package.json lacks a package the kit imports (a warning: a monorepo may provide it from its root). */
  | 'dependency';

export interface CheckFinding {
  kind: FindingKind;
  /** `warning`s are reported but do not fail the check. */
  severity: 'error' | 'warning';
  /** Relative to the project root, posix separators. */
  file: string;
  /** 1-based, when the problem has a position in the file. */
  line?: number;
  column?: number;
  message: string;
  /** What to do about it: a command to run, or the edit to make. */
  fix: string;
}

export interface CheckResult {
  root: string;
  /** True when no finding is an error. */
  ok: boolean;
  findings: CheckFinding[];
  /** How many files the catalog produces (all compared with the disk when the catalog is valid). */
  checkedFiles: number;
}

/**
 * Verifies that catalog, generated code and runbooks agree: the catalog is valid, every derived
 * file is exactly what `sync` would write, every runbook page has the required sections and a
 * current generated block, and no generated page is left for a code the catalog lost. A project
 * without a catalog is a usage mistake, not a finding: there is nothing to check.
 */
export async function runCheck(root: string): Promise<CheckResult> {
  const projectRoot = path.resolve(root);
  // Without a catalog there is nothing to check: loading throws the usual "run faultline init" mistake.
  if (!existsSync(path.join(projectRoot, CATALOG_FILE))) loadCatalog(projectRoot);

  let catalog: Catalog;
  try {
    catalog = loadCatalog(projectRoot).catalog;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return result(projectRoot, catalogFindings(error.message), 0);
  }

  const findings = nameFindings(catalog);
  const existing = projectFiles(projectRoot);
  let rendered: DesiredFile[];
  try {
    rendered = await renderProjectCatalogFiles(projectRoot, catalog, existing);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return result(projectRoot, [...findings, ...catalogFindings(error.message)], 0);
  }
  const stray = strayRunbookPages(projectRoot, catalog, new Set(rendered.map((file) => file.path)), existing);
  const moves = plannedRunbookMoves(projectRoot, stray, existing);
  const movedFrom = new Map(moves.map((move) => [move.to, move.from]));
  for (const file of rendered) findings.push(...fileFindings(existing, file, movedFrom.get(file.path)));
  findings.push(...strayRunbookFindings(stray, moves));
  findings.push(...dependencyFindings(projectRoot, catalog));
  return result(projectRoot, findings, rendered.length);
}

/** The kit's dependencies package.json lacks: what `sync` would add. */
function dependencyFindings(root: string, catalog: Catalog): CheckFinding[] {
  return missingKitDependencies(root, catalog).map((name) => ({
    kind: 'dependency' as const,
    severity: 'warning' as const,
    file: 'package.json',
    message: `lacks ${name}, which the catalog's target uses`,
    fix: `${SYNC_COMMAND}, then install`,
  }));
}

function result(root: string, findings: CheckFinding[], checkedFiles: number): CheckResult {
  return { root, ok: findings.every((finding) => finding.severity !== 'error'), findings, checkedFiles };
}

/** One finding per located line of the loader's message (`file:line:column: problem`). */
function catalogFindings(message: string): CheckFinding[] {
  const lines = message.split('\n');
  const located = lines.slice(1).map((line) => /^(.*?):(\d+):(\d+): (.*)$/.exec(line));
  const fix = `fix it in ${CATALOG_FILE}, then run \`npx faultline check\` again`;
  if (lines.length === 1 || located.some((match) => match === null)) {
    return [{ kind: 'catalog', severity: 'error', file: CATALOG_FILE, message, fix }];
  }
  const prefix = /is not valid JSON/.test(lines[0]) ? 'is not valid JSON: ' : '';
  return located.map((match) => ({
    kind: 'catalog' as const,
    severity: 'error' as const,
    file: CATALOG_FILE,
    line: Number(match![2]),
    column: Number(match![3]),
    message: prefix + match![4],
    fix,
  }));
}

/** The schema accepts any PascalCase name ending in Error; some (built-ins, keywords) are still unusable. */
function nameFindings(catalog: Catalog): CheckFinding[] {
  const findings: CheckFinding[] = [];
  catalog.errors.forEach((entry, index) => {
    try {
      validateClassName(entry.name);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      findings.push({
        kind: 'catalog',
        severity: 'error',
        file: CATALOG_FILE,
        message: `errors[${index}].name: ${error.message}`,
        fix: `rename the error in ${CATALOG_FILE} (keep its code), then run \`${SYNC_COMMAND}\``,
      });
    }
  });
  return findings;
}

function fileFindings(existing: ExistingFiles, file: DesiredFile, movedFrom: string | undefined): CheckFinding[] {
  const current = existing.read(file.path);
  if (current === undefined && movedFrom !== undefined) {
    return [{
      kind: 'missing',
      severity: 'error',
      file: file.path,
      message: `is missing: this runbook is at ${movedFrom}, the name the catalog's runbookNames gave it before`,
      fix: `${SYNC_COMMAND} (moves the page to its new name, keeping its text)`,
    }];
  }
  if (current === undefined) {
    return [{ kind: 'missing', severity: 'error', file: file.path, message: 'is missing', fix: SYNC_COMMAND }];
  }
  if (hasGeneratedBlock(file.content)) return runbookFindings(file, current);
  // The digest line only spares work; a file whose text is right is up to date without it.
  if (file.kind === 'derived' && current !== file.content && withoutDigest(current) !== withoutDigest(file.content)) {
    return [{
      kind: 'drift',
      severity: 'error',
      file: file.path,
      message: 'differs from what the catalog generates (edited by hand, or generated from an older catalog or faultline)',
      fix: SYNC_COMMAND,
    }];
  }
  return [];
}

function runbookFindings(file: DesiredFile, current: string): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const missing = missingRunbookSections(current);
  if (missing.length > 0) {
    findings.push({
      kind: 'runbook-sections',
      severity: 'error',
      file: file.path,
      message: `lacks the required section${missing.length === 1 ? '' : 's'} ${missing.map((s) => `"## ${s}"`).join(', ')}`,
      fix: `add ${missing.length === 1 ? 'that heading' : 'those headings'} to the page, with what your team knows`,
    });
  }
  const merged = mergeGeneratedBlock(current, file.content);
  if (!merged.ok) {
    findings.push({
      kind: 'runbook-block',
      severity: 'error',
      file: file.path,
      message: `its generated block cannot be read: ${merged.reason}`,
      fix: `keep one ${GENERATED_BLOCK_START} and one ${GENERATED_BLOCK_END} around the generated block (or delete both), then run \`${SYNC_COMMAND}\``,
    });
  } else if (merged.content !== current && withoutDigest(merged.content) !== withoutDigest(current)) {
    findings.push({
      kind: 'runbook-block',
      severity: 'error',
      file: file.path,
      message: merged.blockWasMissing ? 'has no generated block' : 'its generated block does not match the catalog',
      fix: SYNC_COMMAND,
    });
  }
  return findings;
}

/**
 * Generated pages away from where the catalog puts them: for codes the catalog lost, and second
 * pages of a code whose catalog page exists too. Pages that `sync` moves are reported at their new name.
 */
function strayRunbookFindings(stray: StrayRunbookPage[], moves: RunbookMove[]): CheckFinding[] {
  const moving = new Set(moves.map((move) => move.from));
  return stray.filter((page) => !moving.has(page.file)).map((page) => page.catalogPage === undefined
    ? {
      kind: 'orphan-runbook' as const,
      severity: 'warning' as const,
      file: page.file,
      message: `is the runbook of ${page.code}, which is not in the catalog`,
      fix: `delete the page if ${page.code} is retired for good, or add the error back to ${CATALOG_FILE}`,
    }
    : {
      kind: 'orphan-runbook' as const,
      severity: 'warning' as const,
      file: page.file,
      message: `is a second runbook of ${page.code}, whose page is ${page.catalogPage}`,
      fix: `move what the team wrote here into ${page.catalogPage}, then delete this page`,
    });
}
