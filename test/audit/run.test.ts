import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pc from 'picocolors';
import { summaryLines } from '../../cli/audit/format-text.js';
import { NO_CATALOG_WARNING, runAudit } from '../../cli/audit/run.js';
import { lineCount, runMigrate } from '../../cli/migrate/run.js';
import { createAuditProject, removeAuditProjects, SMELLS, SMELLS_FINDINGS, SMELLS_LINES } from './projects.js';

afterAll(removeAuditProjects);

const positions = (report: Awaited<ReturnType<typeof runAudit>>): Array<[string, string, number, number, boolean]> =>
  report.findings.map((finding) => [finding.ruleId, finding.severity, finding.line, finding.column, finding.fixable]);

describe('runAudit', () => {
  it('reports transforms and audit-only rules from one run, without a catalog', async () => {
    const root = createAuditProject({ 'src/smells.ts': SMELLS, 'src/clean.ts': 'export const a = 1;\n' }, { catalog: false });
    const report = await runAudit({ cwd: root });
    expect(positions(report)).toEqual(SMELLS_FINDINGS);
    expect(report.findings.every((finding) => finding.file === 'src/smells.ts')).toBe(true);
    expect(report.files).toEqual({ scanned: 2, withFindings: 1, clean: 1, skipped: 0, failed: 0 });
    expect(report.linesScanned).toBe(SMELLS_LINES + 1);
    expect(report.score).toBe(Math.round((7 * 1000 * 100) / 22) / 100);
    expect(report.summary.bySeverity).toEqual({ error: 2, warning: 5, info: 0 });
    expect(report.summary.fixable).toBe(2);
    expect(report.summary.byRule['empty-catch']).toEqual({ error: 1, warning: 0, info: 0, fixable: 1 });
    expect(report.rules.find((rule) => rule.id === 'broad-try')).toMatchObject({ level: 'info', fixable: false, docs: 'docs/rules/broad-try.md' });
    expect(report.rules.find((rule) => rule.id === 'empty-catch')).toMatchObject({ level: 'error', fixable: true, docs: 'docs/transforms/empty-catch.md' });
  });

  it('judges generic errors against the catalog init would write when there is none yet, and says so: its proposed mappings wait to be enabled', async () => {
    const files = { 'src/users.js': "export function find(id) {\n  throw new Error('User ' + id + ' was not found');\n}\nexport function add() {\n  throw new Error('boom');\n}\n" };
    const before = await runAudit({ cwd: createAuditProject(files, { catalog: false }) });
    expect(before.findings.map((finding) => [finding.ruleId, finding.line, finding.severity, finding.fixable])).toEqual([
      ['domain-errors', 2, 'info', false],
      ['domain-errors', 5, 'info', false],
    ]);
    expect(before.defaultCatalog).toBe(true);
    expect(before.warnings).toEqual([NO_CATALOG_WARNING]);

    const after = await runAudit({ cwd: createAuditProject(files) });
    expect(after.findings.map((finding) => [finding.ruleId, finding.line, finding.severity, finding.fixable])).toEqual(before.findings.map((finding) => [finding.ruleId, finding.line, finding.severity, finding.fixable]));
    expect([after.defaultCatalog, after.warnings]).toEqual([undefined, []]);

    const quiet = await runAudit({ cwd: createAuditProject({ 'src/a.js': 'try { a(); } catch {}\n' }, { catalog: false }) });
    expect(quiet.warnings).toEqual([]);
    expect(summaryLines(quiet, pc.createColors(false))).toContain('1 fixable by `faultline migrate` (run `faultline init` first, then preview with `faultline migrate --dry-run`)');
  });

  it('counts as fixable by `migrate` what a plain run fixes, and names the transforms whose fixes change behaviour', async () => {
    const files = {
      'src/config.js': [
        "const fs = require('node:fs');",
        '',
        'function readConfig(file) {',
        "  if (!fs.existsSync(file)) throw 'config file is missing: ' + file;",
        '  try {',
        "    return JSON.parse(fs.readFileSync(file, 'utf8'));",
        '  } catch (error) {',
        "    throw new Error('config file is not JSON: ' + file);",
        '  }',
        '}',
        '',
        'module.exports = { readConfig };',
        '',
      ].join('\n'),
    };
    const fixedBy = async (transforms?: string[]) => {
      const migrated = await runMigrate({ cwd: createAuditProject(files), force: true, ...(transforms ? { transforms } : {}) });
      return Object.values(migrated.perTransform).reduce((sum, counts) => sum + counts.fixed, 0);
    };
    const report = await runAudit({ cwd: createAuditProject(files) });
    const { fixable, fixableOnRequest, onRequest } = report.summary;
    expect([fixable, fixableOnRequest, onRequest]).toEqual([1, 1, ['throw-literal']]);
    expect(await fixedBy()).toBe(fixable);
    expect(await fixedBy(onRequest)).toBe(fixableOnRequest);
    const lines = summaryLines(report, pc.createColors(false));
    expect(lines).toContain('1 fixable by `faultline migrate` (preview the changes with `faultline migrate --dry-run`)');
    expect(lines).toContain('1 more only with `faultline migrate --transform throw-literal` (these fixes change behaviour: review each one)');
    expect(lines.find((line) => line.startsWith('  throw-literal'))).toContain('1 fixable on request');
    expect(report.rules.find((rule) => rule.id === 'throw-literal')).toMatchObject({ fixable: true, changesBehaviour: true });
    expect(report.rules.find((rule) => rule.id === 'error-cause')).toMatchObject({ fixable: true, changesBehaviour: false });
  });

  it('judges a package published for others as a library before init, as init will', async () => {
    // A catch that only swallows: a service reports it through the kit; a library has no reporter to send it to.
    const files = { 'src/index.js': 'export async function save(store, order) {\n  try {\n    await store.insert(order);\n  } catch (error) {}\n}\n' };
    const asLibrary = { 'package.json': JSON.stringify({ name: 'orders-lib', version: '1.0.0', type: 'module', exports: './src/index.js' }), ...files };
    const asService = { 'package.json': JSON.stringify({ name: 'orders-service', private: true, type: 'module', dependencies: { express: '^4.21.0' } }), ...files };
    const fixableOf = (report: Awaited<ReturnType<typeof runAudit>>) => report.findings.filter((finding) => finding.ruleId === 'empty-catch').map((finding) => finding.fixable);
    const library = await runAudit({ cwd: createAuditProject(asLibrary, { catalog: false }) });
    expect(fixableOf(library)).toEqual([false]);
    expect(library.summary.fixable).toBe(0);
    expect(fixableOf(await runAudit({ cwd: createAuditProject(asLibrary, { target: { profile: 'library' } }) }))).toEqual([false]);
    expect(fixableOf(await runAudit({ cwd: createAuditProject(asService, { catalog: false }) }))).toEqual([true]);
  });

  it('audits the project a named folder belongs to when it lies outside the folder faultline runs from, with that project\'s settings', async () => {
    const project = createAuditProject({ 'src/a.js': 'try { a(); } catch {}\n' }, { audit: { rules: { 'empty-catch': 'info' } } });
    const elsewhere = createAuditProject({}, { catalog: false });
    const report = await runAudit({ cwd: elsewhere, paths: [project] });
    expect(report.root).toBe(project);
    expect(report.findings.map((finding) => [finding.file, finding.ruleId, finding.severity])).toEqual([['src/a.js', 'empty-catch', 'info']]);
    const relative = await runAudit({ cwd: elsewhere, paths: [path.relative(elsewhere, path.join(project, 'src'))] });
    expect(relative.findings.map((finding) => finding.file)).toEqual(['src/a.js']);
  });

  it('turns rules off and changes their level as the catalog says', async () => {
    const root = createAuditProject(
      { 'src/smells.ts': SMELLS },
      { audit: { rules: { 'catch-any': 'off', 'empty-catch': 'info', 'loop-catch-continue': 'error' } } },
    );
    const report = await runAudit({ cwd: root });
    const expected = SMELLS_FINDINGS.filter(([id]) => id !== 'catch-any').map(([id, severity, ...rest]) => {
      if (id === 'empty-catch') return [id, 'info', ...rest];
      if (id === 'loop-catch-continue') return [id, 'error', ...rest];
      return [id, severity, ...rest];
    });
    expect(positions(report)).toEqual(expected);
    expect(report.rules.map((rule) => rule.id)).not.toContain('catch-any');
    expect(report.rules.find((rule) => rule.id === 'empty-catch')?.level).toBe('info');
    expect(report.summary.bySeverity).toEqual({ error: 2, warning: 3, info: 1 });
  });

  it('takes the broad-try limit from the catalog', async () => {
    const body = Array.from({ length: 4 }, (_, i) => `  step${i}();`).join('\n');
    const files = { 'src/job.js': `try {\n${body}\n} catch (e) {\n  report(e);\n}\n` };
    expect((await runAudit({ cwd: createAuditProject(files) })).findings).toEqual([]);
    const strict = await runAudit({ cwd: createAuditProject(files, { audit: { maxTryStatements: 3 } }) });
    expect(strict.findings.map((finding) => [finding.ruleId, finding.line, finding.message])).toEqual([
      ['broad-try', 1, 'This try block wraps 4 statements (more than 3), so its catch cannot tell which one failed; wrap only what can throw.'],
    ]);
  });

  it('rejects a rule id the catalog misspells, suggesting the right one', async () => {
    const root = createAuditProject({ 'src/a.ts': SMELLS }, { audit: { rules: { 'empty-cach': 'off' } } });
    await expect(runAudit({ cwd: root })).rejects.toThrow('faultline.catalog.json: audit.rules names an unknown rule "empty-cach" — did you mean empty-catch?');
  });

  it('audits the Python files of a project whose catalog targets Python', async () => {
    const source = 'try:\n    run()\nexcept:\n    pass\n';
    const root = createAuditProject({ 'app.py': source }, { target: { language: 'python', moduleSystem: 'esm', importSuffix: '', kitDir: 'app/errors', framework: 'none', testRunner: 'unittest' } });
    const report = await runAudit({ cwd: root });
    expect(report.findings.map((finding) => [finding.ruleId, finding.file, finding.line])).toEqual([
      ['bare-except', 'app.py', 3],
      ['except-pass', 'app.py', 3],
    ]);
  });

  it('honours faultline-ignore comments for transforms and audit-only rules alike', async () => {
    const source = [
      'try { a(); } catch {} // faultline-ignore empty-catch: probing only',
      'for (const x of xs) {',
      '  // faultline-ignore loop-catch-continue, catch-any: skipping bad rows is the contract',
      '  try { use(x); } catch (e: any) { continue; }',
      '}',
      'try { b(); } catch {}',
      '',
    ].join('\n');
    const report = await runAudit({ cwd: createAuditProject({ 'src/a.ts': source }, { catalog: false }) });
    expect(report.findings.map((finding) => [finding.ruleId, finding.line])).toEqual([['empty-catch', 6]]);
  });

  it('leaves unparsable files out of the lines and reports them as not audited', async () => {
    const report = await runAudit({ cwd: createAuditProject({ 'src/bad.js': 'try { x( } catch {}\n', 'src/ok.js': 'const a = 1;\nconst b = 2;' }, { catalog: false }) });
    expect(report.failed).toEqual([{ path: 'src/bad.js', line: 1, column: 10, message: expect.stringContaining('Unexpected token') }]);
    expect(report.linesScanned).toBe(2);
    expect(report.files).toMatchObject({ scanned: 2, failed: 1, clean: 1 });
  });
});

describe('lineCount', () => {
  it('counts line feeds, and a last line without one', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a')).toBe(1);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\r\nb\r\n')).toBe(2);
    expect(lineCount('\n\n\nx')).toBe(4);
  });
});
