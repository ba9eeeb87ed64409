import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newCatalog } from '../../cli/catalog/defaults.js';
import type { Catalog, CatalogAudit, CatalogTarget } from '../../cli/catalog/model.js';
import { serializeCatalog } from '../../cli/catalog/serialize.js';
import { TYPESCRIPT_TARGET } from '../catalog/fixtures.js';

/** A TypeScript kit with no framework and the console logger: detection needs nothing more. */
export const TARGET: CatalogTarget = { ...TYPESCRIPT_TARGET, framework: 'none', logger: 'console' };

const created: string[] = [];

/**
 * A temporary project (real path) with the given files. `catalog: false` leaves the catalog out;
 * an `audit` section is written into the catalog when given.
 */
export function createAuditProject(files: Record<string, string>, options: { catalog?: boolean; audit?: CatalogAudit; target?: Partial<CatalogTarget> } = {}): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'faultline-audit-')));
  created.push(root);
  if (options.catalog !== false) {
    const catalog: Catalog = newCatalog({ ...TARGET, ...options.target });
    if (options.audit !== undefined) catalog.audit = options.audit;
    writeFileSync(path.join(root, 'faultline.catalog.json'), serializeCatalog(catalog));
  }
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return root;
}

export function removeAuditProjects(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** One file with one finding of most rules, at known positions (see `SMELLS_FINDINGS`). */
export const SMELLS = `export async function load(id: string) {
  try {
    return await db.find(id);
  } catch (e: any) {
    return null;
  }
}

export async function warm(urls: string[]) {
  try {
    await Promise.all(urls.map(fetch));
  } catch {}
}

for (const line of lines) {
  try { rows.push(parseEntry(line)); } catch { continue; }
}

fetchAll().catch((err) => logger.error(err.message));

try { run(); } catch (e) { console.error('failed', e); }
`;

/** `[ruleId, severity, line, column, fixable]` of the findings in SMELLS, in report order. */
export const SMELLS_FINDINGS: Array<[string, string, number, number, boolean]> = [
  ['catch-any', 'warning', 4, 15, false],
  ['catch-returns-default', 'warning', 5, 5, false],
  ['promise-all-swallowed', 'error', 11, 5, false],
  ['empty-catch', 'error', 12, 5, true],
  ['loop-catch-continue', 'warning', 16, 40, false],
  ['error-message-only-logged', 'warning', 19, 27, false],
  ['console-in-catch', 'warning', 21, 28, true],
];

/** Lines in SMELLS, as audit counts them. */
export const SMELLS_LINES = 21;
