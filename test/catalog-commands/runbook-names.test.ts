import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultline } from '../support/cli.js';
import { checkJson, expectCheckPasses, initializedProject, read, snapshot } from './helpers.js';

function write(dir: string, file: string, content: string): void {
  writeFileSync(path.join(dir, file), content);
}

function setRunbookNames(dir: string, names: string | undefined): void {
  const catalog = JSON.parse(read(dir, 'faultline.catalog.json')) as { target: Record<string, unknown> };
  if (names === undefined) delete catalog.target.runbookNames;
  else catalog.target.runbookNames = names;
  write(dir, 'faultline.catalog.json', JSON.stringify(catalog, null, 2) + '\n');
}

const runbookPages = (dir: string) => readdirSync(path.join(dir, 'docs/runbooks')).filter((name) => name !== 'README.md').sort();

describe('runbook pages are named as the catalog records', () => {
  it('a catalog without runbookNames keeps <CODE>.md pages, and init records nothing', () => {
    const dir = initializedProject('names-default');
    expect(runbookPages(dir)).toContain('NOT_FOUND.md');
    expect(read(dir, 'faultline.catalog.json')).not.toMatch(/runbookNames/);
  });

  it('init --runbook-names kebab-case writes kebab-case pages, links them from the index and catalog page, and check agrees', () => {
    const dir = initializedProject('names-kebab', {}, ['--runbook-names', 'kebab-case', '--docs-base-url', 'https://docs.example.com/errors']);
    expect(JSON.parse(read(dir, 'faultline.catalog.json')).target.runbookNames).toBe('kebab-case');
    expect(runbookPages(dir)).toEqual(expect.arrayContaining(['not-found.md', 'validation-failed.md', 'dependency-unavailable.md']));
    expect(runbookPages(dir).filter((name) => /[A-Z_]/.test(name))).toEqual([]);
    expect(read(dir, 'docs/runbooks/README.md')).toContain('[NOT_FOUND](not-found.md)');
    expect(read(dir, 'docs/errors.md')).toContain('(runbooks/not-found.md)');
    // The problem-details link ends in the page's name, the same rule the pages were named by.
    expect(read(dir, 'src/errors/handler.js')).toContain('runbookPage(appError.code)');
    expectCheckPasses(dir);
  });

  it("a changed runbookNames makes sync move each page, keeping the team's text; check says so first", () => {
    const dir = initializedProject('names-move');
    const teamText = '\n## Known causes\n\nThe mobile app caches deleted records for an hour.\n';
    const edited = read(dir, 'docs/runbooks/NOT_FOUND.md') + teamText;
    write(dir, 'docs/runbooks/NOT_FOUND.md', edited);
    setRunbookNames(dir, 'kebab-case');

    const { code, report } = checkJson(dir);
    expect(code).toBe(1);
    const moved = report.findings.find((finding) => finding.file === 'docs/runbooks/not-found.md');
    expect(moved).toEqual(expect.objectContaining({ kind: 'missing', message: expect.stringContaining('docs/runbooks/NOT_FOUND.md') }));
    expect(moved?.fix).toMatch(/sync.*keeping its text/);
    // A page on its way to its new name is not a page of a retired code.
    expect(report.findings.filter((finding) => finding.kind === 'orphan-runbook')).toEqual([]);

    const dryRun = faultline(['sync', '--dry-run'], { cwd: dir });
    expect(dryRun.stdout).toContain('would move docs/runbooks/NOT_FOUND.md to docs/runbooks/not-found.md');
    expect(existsSync(path.join(dir, 'docs/runbooks/NOT_FOUND.md'))).toBe(true);

    const sync = faultline(['sync'], { cwd: dir });
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    expect(sync.stdout).toContain('moved docs/runbooks/NOT_FOUND.md to docs/runbooks/not-found.md, keeping its text');
    expect(read(dir, 'docs/runbooks/not-found.md')).toBe(edited);
    expect(runbookPages(dir).filter((name) => /[A-Z_]/.test(name))).toEqual([]);
    expect(read(dir, 'docs/runbooks/README.md')).toContain('(not-found.md)');
    expectCheckPasses(dir);

    // And back: the same page, the same text, under its old name.
    setRunbookNames(dir, undefined);
    expect(faultline(['sync'], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'docs/runbooks/NOT_FOUND.md')).toBe(edited);
    expect(existsSync(path.join(dir, 'docs/runbooks/not-found.md'))).toBe(false);
    expectCheckPasses(dir);
  });

  it('a page whose new name is taken is left where it is, and check names both', () => {
    const dir = initializedProject('names-taken');
    const old = read(dir, 'docs/runbooks/NOT_FOUND.md') + '\nOld notes.\n';
    write(dir, 'docs/runbooks/NOT_FOUND.md', old);
    const taken = read(dir, 'docs/runbooks/NOT_FOUND.md').replace('Old notes.', 'New notes.');
    write(dir, 'docs/runbooks/not-found.md', taken);
    setRunbookNames(dir, 'kebab-case');

    expect(faultline(['sync'], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'docs/runbooks/NOT_FOUND.md')).toBe(old);
    expect(read(dir, 'docs/runbooks/not-found.md')).toContain('New notes.');
    const { report } = checkJson(dir);
    expect(report.findings).toContainEqual(expect.objectContaining({
      kind: 'orphan-runbook',
      severity: 'warning',
      file: 'docs/runbooks/NOT_FOUND.md',
      message: 'is a second runbook of NOT_FOUND, whose page is docs/runbooks/not-found.md',
    }));
  });

  it('add error writes the new page under the catalog naming and names it in its next step', () => {
    const dir = initializedProject('names-add', {}, ['--runbook-names', 'snake_case']);
    const add = faultline(['add', 'error', 'PaymentDeclined', '--status', '402'], { cwd: dir });
    expect(add.code, add.stdout + add.stderr).toBe(0);
    expect(add.stdout).toContain('Next: fill in docs/runbooks/payment_declined.md');
    expect(read(dir, 'docs/runbooks/payment_declined.md')).toContain('`PAYMENT_DECLINED`');
    expectCheckPasses(dir);
  });

  it('a generated page of a retired code is reported under any naming', () => {
    const dir = initializedProject('names-orphan', {}, ['--runbook-names', 'PascalCase']);
    const before = read(dir, 'faultline.catalog.json');
    expect(faultline(['add', 'error', 'PaymentDeclined', '--status', '402'], { cwd: dir }).code).toBe(0);
    expect(existsSync(path.join(dir, 'docs/runbooks/PaymentDeclined.md'))).toBe(true);
    write(dir, 'faultline.catalog.json', before);
    expect(faultline(['sync'], { cwd: dir }).code).toBe(0);
    const { report } = checkJson(dir);
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'orphan-runbook', file: 'docs/runbooks/PaymentDeclined.md', message: 'is the runbook of PAYMENT_DECLINED, which is not in the catalog' }),
    ]);
  });

  it('a second init keeps the recorded naming: nothing is renamed', () => {
    const dir = initializedProject('names-reinit', {}, ['--runbook-names', 'kebab-case']);
    const before = snapshot(dir);
    const again = faultline(['init', '--yes'], { cwd: dir });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });
});
