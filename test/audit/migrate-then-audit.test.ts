import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../cli/audit/report.js';
import { faultline, run, writeTree } from '../support/cli.js';
import { createAuditProject, removeAuditProjects } from './projects.js';

afterAll(removeAuditProjects);

/** Every smell the transforms fix, and some only audit reports, in JavaScript and TypeScript. */
const LEGACY: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'legacy-shop', version: '1.0.0', type: 'module' }, null, 2),
  'src/db.js': 'export const db = { get: async () => null, put: async () => {}, find: () => null, ping: async () => {} };\nexport function step() {}\n',
  'src/users.js': `import { db, step } from './db.js';

export async function load(id) {
  try {
    return await db.get(id);
  } catch (e) {}
}

export async function save(user) {
  try {
    await db.put(user);
  } catch (err) {
    console.error('Failed to save', err);
  }
}

export function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error('bad json');
  }
}

export function again() {
  try {
    step();
  } catch (e) {
    throw e;
  }
}

export function find(id) {
  if (!id) throw 'id is required';
  const user = db.find(id);
  if (!user) throw new Error('User not found');
  return user;
}

export function warmUp() {
  return db.ping().catch(() => null);
}

export async function loadAll(ids) {
  try {
    return await Promise.all(ids.map(load));
  } catch {
    return [];
  }
}
`,
  'src/orders.ts': `import { db } from './db.js';

export async function order(id: string): Promise<unknown> {
  try {
    return await db.get(id);
  } catch (error: any) {
    console.log(error);
    return null;
  }
}

export function total(lines: Array<{ price: number }>): number {
  let sum = 0;
  for (const line of lines) {
    try {
      sum += line.price;
    } catch {}
  }
  return sum;
}
`,
};

function git(args: string[], cwd: string): void {
  run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], cwd);
}

function auditJson(root: string): AuditReport {
  const result = faultline(['audit', '--format', 'json'], { cwd: root });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as AuditReport;
}

describe('after migrate on a legacy project', () => {
  it('audit reports no finding that migrate could fix', () => {
    const root = createAuditProject({ 'package.json': LEGACY['package.json'] as string }, { catalog: false });
    run('git', ['init', '--quiet'], root);
    git(['add', '.'], root);
    git(['commit', '--quiet', '-m', 'legacy project'], root);
    const init = faultline(['init', '--yes'], { cwd: root });
    expect(init.code, init.stderr).toBe(0);
    // The legacy shop is a service: every transform of the default set applies to it.
    const catalogFile = path.join(root, 'faultline.catalog.json');
    const catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as { target: Record<string, unknown> };
    catalog.target.profile = 'service';
    writeFileSync(catalogFile, JSON.stringify(catalog, null, 2) + '\n');
    const { 'package.json': _packageJson, ...sources } = LEGACY;
    writeTree(root, sources);
    git(['add', '.'], root);
    git(['commit', '--quiet', '-m', 'kit and code'], root);

    const before = auditJson(root);
    const fixableBefore = new Set(before.findings.filter((finding) => finding.fixable).map((finding) => finding.ruleId));
    expect(fixableBefore.size).toBeGreaterThanOrEqual(6);

    const migrate = faultline(['migrate', '.'], { cwd: root });
    expect(migrate.code, migrate.stdout + migrate.stderr).toBe(0);

    // The default set keeps behaviour; what is left to fix is for the transforms that change it.
    const afterDefault = auditJson(root);
    expect(afterDefault.files.failed).toBe(0);
    const optIn = new Set(afterDefault.findings.filter((finding) => finding.fixable).map((finding) => finding.ruleId));
    expect([...optIn].every((id) => ['throw-literal', 'domain-errors', 'narrow-catch'].includes(id)), [...optIn].join()).toBe(true);
    git(['commit', '--quiet', '-am', 'default migration'], root);

    const optInRun = faultline(['migrate', '.', '--transform', [...optIn].join(',')], { cwd: root });
    expect(optInRun.code, optInRun.stdout + optInRun.stderr).toBe(0);
    expect(optInRun.stdout + optInRun.stderr).toContain('(changes behaviour)');

    const after = auditJson(root);
    expect(after.files.failed).toBe(0);
    expect(after.findings.filter((finding) => finding.fixable)).toEqual([]);
    // What migrate cannot fix is still reported.
    expect(after.findings.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['promise-all-swallowed', 'catch-returns-default', 'catch-any']));
  });
});
