import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_BLOCK_END, GENERATED_BLOCK_START } from '../../cli/catalog/runbook-sections.js';
import { faultline } from '../support/cli.js';
import { checkJson, expectCheckPasses, initializedProject, read, snapshot } from './helpers.js';

function write(dir: string, file: string, content: string): void {
  writeFileSync(path.join(dir, file), content);
}

function editCatalog(dir: string, edit: (catalog: { errors: Array<Record<string, unknown>> }) => void): void {
  const catalog = JSON.parse(read(dir, 'faultline.catalog.json')) as { errors: Array<Record<string, unknown>> };
  edit(catalog);
  write(dir, 'faultline.catalog.json', JSON.stringify(catalog, null, 2) + '\n');
}

describe('check and sync keep catalog, code and runbooks in step', () => {
  it('a hand edit of a derived file fails check, naming the file and the fix, and sync restores it', () => {
    const dir = initializedProject('drift');
    const pristine = read(dir, 'src/errors/catalog.js');
    write(dir, 'src/errors/catalog.js', pristine.replace("'NOT_FOUND'", "'NOT_FOUND_X'").replace('"NOT_FOUND"', '"NOT_FOUND_X"'));

    const check = faultline(['check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/src\/errors\/catalog\.js: differs from what the catalog generates/);
    expect(check.stdout).toContain('fix: npx faultline sync');
    const { report } = checkJson(dir);
    expect(report).toEqual({
      ok: false,
      findings: [{ kind: 'drift', severity: 'error', file: 'src/errors/catalog.js', message: expect.any(String), fix: 'npx faultline sync' }],
    });

    const sync = faultline(['sync'], { cwd: dir });
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/update\s+src\/errors\/catalog\.js/);
    expect(read(dir, 'src/errors/catalog.js')).toBe(pristine);
    expectCheckPasses(dir);
  });

  it('sync never overwrites files the user owns, and creates them when missing', () => {
    const dir = initializedProject('owned');
    const handler = read(dir, 'src/errors/handler.js') + '\n// our team tweak\n';
    write(dir, 'src/errors/handler.js', handler);
    const logger = read(dir, 'src/errors/logger.js');
    rmSync(path.join(dir, 'src/errors/logger.js'));

    const { report } = checkJson(dir);
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'missing', file: 'src/errors/logger.js', fix: 'npx faultline sync' })]);

    const sync = faultline(['sync'], { cwd: dir });
    expect(sync.code).toBe(0);
    expect(read(dir, 'src/errors/handler.js')).toBe(handler);
    expect(read(dir, 'src/errors/logger.js')).toBe(logger);
    expect(read(dir, 'faultline.catalog.json')).toMatch(/"NOT_FOUND"/);
    expectCheckPasses(dir);
  });

  it("a runbook page keeps the team's text through sync, and its generated block follows the catalog", () => {
    const dir = initializedProject('runbook');
    const page = 'docs/runbooks/NOT_FOUND.md';
    const teamText = '\n## Known causes\n\nThe mobile app caches deleted records for an hour.\n';
    const edited = read(dir, page).replace('## Impact\n', `## Impact\n\nCheckout breaks for users with stale carts.\n`) + teamText;
    write(dir, page, edited);
    expectCheckPasses(dir);

    editCatalog(dir, (catalog) => {
      catalog.errors.find((e) => e.code === 'NOT_FOUND')!.message = 'We could not find that.';
    });
    const { code, report } = checkJson(dir);
    expect(code).toBe(1);
    expect(report.findings.map((f) => `${f.kind} ${f.file}`).sort()).toEqual([
      'drift docs/errors.md',
      'drift src/errors/catalog.js',
      `runbook-block ${page}`,
    ]);

    const sync = faultline(['sync'], { cwd: dir });
    expect(sync.code).toBe(0);
    const after = read(dir, page);
    expect(after).toContain('- **Public message:** We could not find that.');
    expect(after).not.toContain('The requested resource was not found.');
    expect(after).toContain('Checkout breaks for users with stale carts.');
    expect(after.endsWith(teamText)).toBe(true);
    // Only the one line of the block changed.
    expect(after.split('\n').filter((line, i) => line !== edited.split('\n')[i])).toEqual(['- **Public message:** We could not find that.']);
    expectCheckPasses(dir);
  });

  it('check reports runbook pages that lack sections or a block, and warns about pages of retired codes', () => {
    const dir = initializedProject('runbook-findings');
    write(dir, 'docs/runbooks/CONFLICT.md', read(dir, 'docs/runbooks/CONFLICT.md').replace('## How to communicate', '## Talking to people'));
    const forbidden = read(dir, 'docs/runbooks/FORBIDDEN.md');
    const block = forbidden.slice(forbidden.indexOf(GENERATED_BLOCK_START), forbidden.indexOf(GENERATED_BLOCK_END) + GENERATED_BLOCK_END.length);
    write(dir, 'docs/runbooks/FORBIDDEN.md', forbidden.replace(block, '# Forbidden'));
    write(dir, 'docs/runbooks/UNAUTHENTICATED.md', read(dir, 'docs/runbooks/UNAUTHENTICATED.md').replace(GENERATED_BLOCK_END, ''));
    write(dir, 'docs/runbooks/LEGACY_QUOTA.md', `${GENERATED_BLOCK_START}\n# LEGACY_QUOTA\n${GENERATED_BLOCK_END}\n`);
    write(dir, 'docs/runbooks/ONCALL.md', '# Our on-call rota\n');

    const { code, report } = checkJson(dir);
    expect(code).toBe(1);
    expect(report.findings.map((f) => [f.kind, f.severity, f.file])).toEqual([
      ['runbook-block', 'error', 'docs/runbooks/UNAUTHENTICATED.md'],
      ['runbook-block', 'error', 'docs/runbooks/FORBIDDEN.md'],
      ['runbook-sections', 'error', 'docs/runbooks/CONFLICT.md'],
      ['orphan-runbook', 'warning', 'docs/runbooks/LEGACY_QUOTA.md'],
    ]);
    expect(report.findings[2].message).toBe('lacks the required section "## How to communicate"');

    // sync repairs the page whose block was removed, but will not guess where a half-marked block ends.
    const unauthenticated = read(dir, 'docs/runbooks/UNAUTHENTICATED.md');
    const sync = faultline(['sync'], { cwd: dir });
    expect(sync.code).toBe(1);
    expect(sync.stderr).toMatch(/docs\/runbooks\/UNAUTHENTICATED\.md was left as it is: .*generated:end.*fix its markers/);
    expect(read(dir, 'docs/runbooks/UNAUTHENTICATED.md')).toBe(unauthenticated);
    expect(read(dir, 'docs/runbooks/FORBIDDEN.md')).toBe(forbidden.replace(block, `${block}\n\n# Forbidden`));
    expect(read(dir, 'docs/runbooks/ONCALL.md')).toBe('# Our on-call rota\n');

    // Warnings alone do not fail the check.
    write(dir, 'docs/runbooks/UNAUTHENTICATED.md', unauthenticated.replace('\n\nEverything below', `${GENERATED_BLOCK_END}\n\nEverything below`));
    write(dir, 'docs/runbooks/CONFLICT.md', read(dir, 'docs/runbooks/CONFLICT.md').replace('## Talking to people', '## How to communicate'));
    const clean = faultline(['check'], { cwd: dir });
    expect(clean.stdout).toMatch(/warning docs\/runbooks\/LEGACY_QUOTA\.md: is the runbook of LEGACY_QUOTA, which is not in the catalog/);
    expect(clean.stdout).toMatch(/agree: \d+ files checked \(1 warning\)/);
    expect(clean.code).toBe(0);
  });

  it('--dry-run shows the diff and writes nothing, for sync and for add', () => {
    const dir = initializedProject('dry-run');
    editCatalog(dir, (catalog) => {
      catalog.errors.find((e) => e.code === 'CONFLICT')!.status = 422;
    });
    const before = snapshot(dir);

    const sync = faultline(['sync', '--dry-run'], { cwd: dir });
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/would update\s+src\/errors\/catalog\.js/);
    expect(sync.stdout).toContain('+  status: 422,');
    expect(sync.stdout).not.toMatch(/unchanged/);

    const add = faultline(['add', 'error', 'QuotaExceeded', '--status', '429', '--dry-run'], { cwd: dir });
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/would create\s+docs\/runbooks\/QUOTA_EXCEEDED\.md/);
    expect(add.stdout).toContain('+      "code": "QUOTA_EXCEEDED",');
    expect(add.stdout).toContain('Would add QuotaExceededError (QUOTA_EXCEEDED, 429)');

    expect(snapshot(dir)).toEqual(before);
  });

  it('sync adds the dependencies a changed target needs to package.json, and nothing else', () => {
    const dir = initializedProject('deps', { 'package.json': '{\n  "name": "deps",\n  "type": "module",\n  "scripts": { "test": "node --test" }\n}\n' });
    const pkg = JSON.parse(read(dir, 'package.json')) as { scripts: Record<string, string>; dependencies?: Record<string, string> };
    expect(pkg.dependencies?.pino).toBeUndefined();
    // The team dropped the script init added; sync must not bring it back.
    delete pkg.scripts['test:errors'];
    write(dir, 'package.json', JSON.stringify(pkg, null, 2) + '\n');
    const catalog = JSON.parse(read(dir, 'faultline.catalog.json')) as { target: { logger: string } };
    catalog.target.logger = 'pino';
    write(dir, 'faultline.catalog.json', JSON.stringify(catalog, null, 2) + '\n');

    const { report: missing } = checkJson(dir);
    expect(missing.ok).toBe(true);
    expect(missing.findings).toContainEqual({ kind: 'dependency', severity: 'warning', file: 'package.json', message: "lacks pino, which the catalog's target uses", fix: 'npx faultline sync, then install' });

    const before = snapshot(dir);
    const preview = faultline(['sync', '--dry-run'], { cwd: dir });
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('package.json: would add pino');
    expect(snapshot(dir)).toEqual(before);

    const sync = faultline(['sync'], { cwd: dir });
    expect(sync.code).toBe(0);
    expect(sync.stdout).toContain("package.json: added pino, which the catalog's target uses; install it with your package manager");
    const after = JSON.parse(read(dir, 'package.json')) as typeof pkg;
    expect(after).toEqual({ ...pkg, dependencies: { ...(pkg.dependencies ?? {}), pino: expect.stringMatching(/^\^\d+/) } });
    expect(after.scripts['test:errors']).toBeUndefined();

    const again = faultline(['sync', '--json'], { cwd: dir });
    expect(JSON.parse(again.stdout).addedDependencies).toEqual([]);
    expect(checkJson(dir).report.findings.filter((finding) => finding.kind === 'dependency')).toEqual([]);
  });

  it('a sync with nothing to do says so and changes nothing', () => {
    const dir = initializedProject('noop');
    const before = snapshot(dir);
    const sync = faultline(['sync'], { cwd: dir });
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/nothing to change/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('a malformed catalog is named with its location, never a stack trace', () => {
  const cases: Array<[string, (text: string) => string, RegExp]> = [
    ['bad JSON', (text) => text.replace('"version": 1,', '"version": 1,,'), /faultline\.catalog\.json:3:16: .*property name/],
    ['a wrong type', (text) => text.replace('"status": 404', '"status": "404"'), /faultline\.catalog\.json:\d+:\d+: errors\[3\]\.status must be an integer/],
    ['duplicate codes', (text) => text.replace('"code": "FORBIDDEN"', '"code": "NOT_FOUND"'), /faultline\.catalog\.json:\d+:\d+: errors\[\d\]\.code "NOT_FOUND" is already used by errors\[\d\]/],
  ];

  it.each(cases)('%s: check fails with a located finding; sync and add refuse with the location', (_name, breakIt, located) => {
    const dir = initializedProject('malformed');
    write(dir, 'faultline.catalog.json', breakIt(read(dir, 'faultline.catalog.json')));
    const before = snapshot(dir);

    const check = faultline(['check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(located);
    const { report } = checkJson(dir);
    expect(report.ok).toBe(false);
    expect(report.findings.every((f) => f.kind === 'catalog' && f.file === 'faultline.catalog.json' && typeof f.line === 'number')).toBe(true);

    for (const args of [['sync'], ['add', 'error', 'PaymentDeclined']]) {
      const result = faultline(args, { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(located);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('without a catalog, each command says to run init first', () => {
    const dir = initializedProject('no-catalog');
    rmSync(path.join(dir, 'faultline.catalog.json'));
    for (const args of [['check'], ['sync'], ['add', 'error', 'PaymentDeclined']]) {
      const result = faultline(args, { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toMatch(/^error: no faultline\.catalog\.json found in .* run `faultline init` first$/);
    }
  });
});
