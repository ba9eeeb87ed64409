import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/errors.js';
import pc from 'picocolors';
import type { MigrateReport } from '../../cli/migrate/report.js';
import { runDetect, runMigrate } from '../../cli/migrate/run.js';
import { summaryLines } from '../../cli/migrate/summary.js';
import { createProject, reportEmptyCatch, testTransforms, wrapThrownString, removeProjects } from './helpers.js';

afterAll(removeProjects);

const emptyCatch = 'export function load() {\n  try {\n    read();\n  } catch (error) {}\n}\n';
const clean = 'export const answer = 42;\n';
const throwsString = "export function fail() {\n  throw 'nope';\n}\n";

describe('runMigrate', () => {
  it('writes only the files a transform changed, and reports counts per transform', async () => {
    const root = createProject({ 'src/a.ts': emptyCatch, 'src/b.ts': clean, 'src/c.js': throwsString, 'src/d.ts': 'try { x(); } catch (e) { /* fine */ }\n' });
    const before = statSync(path.join(root, 'src/b.ts')).mtimeMs;
    const report = await runMigrate({ cwd: root, paths: ['src'], available: testTransforms });

    expect(report.changed.map((file) => [file.path, file.transforms])).toEqual([
      ['src/a.ts', ['report-empty-catch']],
      ['src/c.js', ['wrap-thrown-string']],
    ]);
    expect(report.files).toEqual({ scanned: 4, changed: 2, unchanged: 2, skippedByPrefilter: 1, skipped: 0, failed: 0 });
    expect(report.perTransform).toEqual({
      'report-empty-catch': { fixed: 1, leftAlone: 1, reasons: { 'a comment explains the empty catch': 1 } },
      'wrap-thrown-string': { fixed: 1, leftAlone: 0, reasons: {} },
    });
    expect(report.leftAlone).toEqual([{ path: 'src/d.ts', line: 1, column: 14, transform: 'report-empty-catch', reason: 'a comment explains the empty catch' }]);
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toContain("import { reportError } from './errors/index.js'");
    expect(readFileSync(path.join(root, 'src/c.js'), 'utf8')).toContain("throw new Error('nope');");
    expect(statSync(path.join(root, 'src/b.ts')).mtimeMs).toBe(before);
    expect(report.warnings).toEqual([]);
    expect(report.languages).toEqual(['javascript']);
  });

  it('writes nothing outside a git repository without --force, and says so before reading a file', async () => {
    const root = createProject({ 'src/a.ts': emptyCatch }, { git: false });
    const scanned: string[] = [];
    await expect(runMigrate({ cwd: root, available: testTransforms, onProgress: (progress) => scanned.push(progress.path) })).rejects.toThrow(
      new UsageError(
        `${root} is not in a git repository, so nothing was written: there would be no commit to go back to — commit the project to git first, see the changes with --dry-run, or pass --force to write anyway`,
      ),
    );
    expect(scanned).toEqual([]);
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(emptyCatch);
    expect((await runMigrate({ cwd: root, available: testTransforms, dryRun: true })).changed.map((file) => file.path)).toEqual(['src/a.ts']);
    expect((await runMigrate({ cwd: root, available: testTransforms, force: true })).changed.map((file) => file.path)).toEqual(['src/a.ts']);
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).not.toBe(emptyCatch);
  });

  it('changes nothing the second time', async () => {
    const root = createProject({ 'src/a.ts': emptyCatch, 'src/c.js': throwsString });
    await runMigrate({ cwd: root, available: testTransforms });
    const after = readFileSync(path.join(root, 'src/a.ts'), 'utf8');
    const second = await runMigrate({ cwd: root, available: testTransforms });
    expect(second.files.changed).toBe(0);
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(after);
  });

  it('prints unified diffs in a dry run and writes nothing', async () => {
    const root = createProject({ 'src/c.js': throwsString });
    const report = await runMigrate({ cwd: root, dryRun: true, available: [wrapThrownString] });
    expect(readFileSync(path.join(root, 'src/c.js'), 'utf8')).toBe(throwsString);
    expect(report.changed).toHaveLength(1);
    expect(report.changed[0]?.diff).toContain('--- a/src/c.js');
    expect(report.changed[0]?.diff).toContain("-  throw 'nope';\n+  throw new Error('nope');");
    expect(report.warnings).toEqual([]);
  });

  it('resolves paths against the working folder and the kit against the catalog', async () => {
    const root = createProject({ 'src/deep/a.ts': emptyCatch });
    const report = await runMigrate({ cwd: path.join(root, 'src'), paths: ['deep'], available: [reportEmptyCatch] });
    expect(report.root).toBe(root);
    expect(readFileSync(path.join(root, 'src/deep/a.ts'), 'utf8')).toContain("from '../errors/index.js'");
  });

  it('never rewrites the kit itself', async () => {
    const root = createProject({ 'src/errors/handler.ts': emptyCatch, 'src/a.ts': emptyCatch });
    const report = await runMigrate({ cwd: root, available: [reportEmptyCatch] });
    expect(report.changed.map((file) => file.path)).toEqual(['src/a.ts']);
    expect(report.skipped).toEqual([{ path: 'src/errors/handler.ts', reason: 'part of the error kit in src/errors, which faultline generates' }]);
  });

  it('runs only the selected transforms and rejects unknown ids', async () => {
    const root = createProject({ 'src/a.ts': emptyCatch + throwsString });
    const report = await runMigrate({ cwd: root, transforms: ['wrap-thrown-string'], dryRun: true, available: testTransforms });
    expect(report.transforms).toEqual(['wrap-thrown-string']);
    expect(report.changed[0]?.transforms).toEqual(['wrap-thrown-string']);
    await expect(runMigrate({ cwd: root, transforms: ['nope', 'wrap-thrown-string'], available: testTransforms })).rejects.toThrow(
      new UsageError('unknown transform nope — available: report-empty-catch, wrap-thrown-string'),
    );
  });

  it('refuses to run without a catalog', async () => {
    const root = createProject({ 'src/a.ts': emptyCatch }, { catalog: false });
    await expect(runMigrate({ cwd: root, available: testTransforms })).rejects.toThrow(
      new UsageError('no faultline.catalog.json found — run `faultline init` first'),
    );
  });

  it('reports progress for every file scanned and written', async () => {
    const root = createProject({ 'src/a.ts': emptyCatch, 'src/b.ts': clean });
    const events: string[] = [];
    await runMigrate({ cwd: root, available: testTransforms, onProgress: (p) => events.push(`${p.phase} ${p.done}/${p.total} ${p.path}`) });
    expect(events).toEqual(['scan 1/2 src/a.ts', 'scan 2/2 src/b.ts', 'write 1/1 src/a.ts']);
  });
});

describe('runDetect', () => {
  it('reports findings with their paths without a catalog and writes nothing', async () => {
    const root = createProject({ 'src/a.ts': emptyCatch, 'src/b.ts': clean, 'src/c.js': throwsString }, { catalog: false });
    const report = await runDetect({ cwd: root, available: testTransforms });
    expect(report.findings.map((f) => [f.path, f.ruleId, f.line, f.column, f.fixable])).toEqual([
      ['src/a.ts', 'report-empty-catch', 4, 5, true],
      ['src/c.js', 'wrap-thrown-string', 2, 9, true],
    ]);
    expect(report.files).toEqual({ scanned: 3, withFindings: 2, clean: 1, skippedByPrefilter: 1, skipped: 0, failed: 0 });
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(emptyCatch);
  });
});

describe('the summary', () => {
  const base: MigrateReport = {
    version: 1,
    root: '/p',
    dryRun: false,
    transforms: ['empty-catch'],
    shards: [],
    files: { scanned: 1, changed: 0, unchanged: 1, skippedByPrefilter: 0, skipped: 0, failed: 0 },
    changed: [],
    skipped: [],
    failed: [],
    perTransform: { 'empty-catch': { fixed: 2, leftAlone: 10, reasons: { a: 4, b: 3, c: 1, d: 1, e: 1 } } },
    leftAlone: [],
    warnings: [],
    durationMs: 10,
  };
  const plain = pc.createColors(false);

  it('shows the three most common reasons a transform left sites alone, and how many more --verbose lists', () => {
    expect(summaryLines(base, plain)[1]).toBe('  empty-catch: 2 sites fixed, 10 left alone: 4× a; 3× b; 1× c; 2 more (--verbose lists them)');
    expect(summaryLines(base, plain, { verbose: true })[1]).toBe('  empty-catch: 2 sites fixed, 10 left alone: 4× a; 3× b; 1× c; 1× d; 1× e');
  });

  it('lists only the rules of the languages the files are written in', () => {
    const mixed: MigrateReport = {
      ...base,
      transforms: ['empty-catch', 'except-pass'],
      perTransform: { 'empty-catch': { fixed: 1, leftAlone: 0, reasons: {} }, 'except-pass': { fixed: 0, leftAlone: 0, reasons: {} } },
    };
    const rules = (report: MigrateReport) => summaryLines(report, plain).filter((line) => line.startsWith('  ')).map((line) => line.trim().split(':')[0]);
    expect(rules({ ...mixed, languages: ['javascript'] })).toEqual(['empty-catch']);
    expect(rules({ ...mixed, languages: ['python'] })).toEqual(['except-pass']);
    expect(rules({ ...mixed, languages: ['javascript', 'python'] })).toEqual(['empty-catch', 'except-pass']);
    // A report written before languages were recorded lists every rule that ran.
    expect(rules(mixed)).toEqual(['empty-catch', 'except-pass']);
  });

  it('says nothing was migrated when no file could be read', () => {
    const none = { ...base, files: { ...base.files, unchanged: 0, skipped: 1 } };
    expect(summaryLines(none, plain)[0]).toBe('nothing was migrated: no file could be read and transformed (1 file found)');
  });
});

