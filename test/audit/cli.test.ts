import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../cli/audit/report.js';
import { bin, faultline, repoRoot } from '../support/cli.js';
import { createAuditProject, removeAuditProjects, SMELLS } from './projects.js';
import { sarifProblems } from './sarif-structure.js';

// These run the built command (`npm run build` first), as users and CI jobs do.
beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${path.relative(repoRoot, bin)} is missing — run \`npm run build\` first`);
});
afterAll(removeAuditProjects);

const onlyWarnings = 'export function f() {\n  try {\n    run();\n  } catch (e) {\n    throw e;\n  }\n}\n';
const onlyInfo = `try {\n${Array.from({ length: 11 }, (_, i) => `  step${i}();`).join('\n')}\n} catch (e) {\n  report(e);\n}\n`;

function audit(root: string, args: string[]): ReturnType<typeof faultline> {
  return faultline(['audit', ...args], { cwd: root });
}

describe('exit codes', () => {
  const errors = (): string => createAuditProject({ 'src/a.ts': SMELLS }, { catalog: false });

  it('is 0 with findings when no --fail-on is given', () => {
    const result = audit(errors(), []);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✖ 7 findings (2 errors, 5 warnings) in 1 file');
  });

  it('is 1 with --fail-on error when there are errors, 0 when only warnings', () => {
    expect(audit(errors(), ['--fail-on', 'error']).code).toBe(1);
    const warningsOnly = createAuditProject({ 'src/a.js': onlyWarnings }, { catalog: false });
    expect(audit(warningsOnly, ['--fail-on', 'error']).code).toBe(0);
    expect(audit(warningsOnly, ['--fail-on', 'warning']).code).toBe(1);
  });

  it('fails --fail-on when nothing was audited, and never says "no findings" of a file it skipped or could not parse', () => {
    const huge = createAuditProject({ 'src/huge.js': `${onlyWarnings}${'// padding\n'.repeat(300_000)}` }, { catalog: false });
    const skipped = audit(huge, ['--fail-on', 'error']);
    expect(skipped.code).toBe(1);
    expect(skipped.stdout).toContain('✖ nothing was audited: no file could be read and parsed');
    expect(skipped.stdout).not.toContain('no findings');
    const unparsable = createAuditProject({ 'src/bad.js': 'try { x( } catch (e) {}\n', 'src/ok.js': 'export const a = 1;\n' }, { catalog: false });
    const failed = audit(unparsable, ['--fail-on', 'error']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).not.toContain('✔ no findings');
    expect(failed.stdout).toContain('no findings in the 1 file audited; 1 file could not be audited');
    expect(failed.stdout).toMatch(/1 not audited \(see above\)/);
  });

  it('never fails on info findings', () => {
    const infoOnly = createAuditProject({ 'src/a.js': onlyInfo }, { catalog: false });
    const result = audit(infoOnly, ['--fail-on', 'warning', '--format', 'json']);
    expect((JSON.parse(result.stdout) as AuditReport).summary.bySeverity).toEqual({ error: 0, warning: 0, info: 1 });
    expect(result.code).toBe(0);
  });

  it('fails the gate on a file it could not audit', () => {
    const root = createAuditProject({ 'src/bad.js': 'try { x( } catch {}\n' }, { catalog: false });
    const result = audit(root, ['--fail-on', 'error']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: src/bad.js:1:10: Unexpected token (not audited)');
    expect(audit(root, []).code).toBe(0);
  });

  it('follows the catalog: a rule turned off or down no longer fails the gate', () => {
    const root = createAuditProject({ 'src/a.js': onlyWarnings }, { audit: { rules: { 'useless-catch': 'info' } } });
    expect(audit(root, ['--fail-on', 'warning']).code).toBe(0);
    const raised = createAuditProject({ 'src/a.js': onlyInfo }, { audit: { rules: { 'broad-try': 'error' } } });
    expect(audit(raised, ['--fail-on', 'error']).code).toBe(1);
  });

  it('is 2 with one line for a usage mistake', () => {
    const root = errors();
    for (const [args, message] of [
      [['--fail-on', 'info'], 'error: --fail-on info is not offered: info findings never fail a run — use --fail-on warning or --fail-on error'],
      [['--fail-on', 'sometimes'], 'error: invalid --fail-on "sometimes" — use error or warning'],
      [['--format', 'xml'], 'error: invalid --format "xml" — use text, json or sarif'],
      [['--shard', '3/2'], 'error: invalid --shard "3/2" — use i/n with 1 <= i <= n, e.g. --shard 2/4'],
    ] as const) {
      const result = audit(root, [...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim()).toBe(message);
    }
  });
});

describe('formats through the command', () => {
  it('prints JSON with --format json and --json alike, and valid SARIF with --format sarif', () => {
    const root = createAuditProject({ 'src/a.ts': SMELLS }, { catalog: false });
    const json = JSON.parse(audit(root, ['--format', 'json']).stdout) as AuditReport;
    expect(json.summary.findings).toBe(7);
    expect((JSON.parse(audit(root, ['--json']).stdout) as AuditReport).findings).toEqual(json.findings);
    const sarif = audit(root, ['--format', 'sarif']);
    expect(sarif.code).toBe(0);
    const log = JSON.parse(sarif.stdout) as { runs: Array<{ results: unknown[] }> };
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0]?.results).toHaveLength(7);
  });

  it('plain text has no colour codes under NO_COLOR', () => {
    const root = createAuditProject({ 'src/a.ts': SMELLS }, { catalog: false });
    expect(audit(root, []).stdout).not.toMatch(/\u001b\[/);
    expect(faultline(['audit'], { cwd: root, env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
  });
});

describe('shards', () => {
  // Enough files with different smells that every shard gets some.
  const files: Record<string, string> = {};
  for (let i = 0; i < 24; i++) {
    files[`src/module-${i}.${i % 2 === 0 ? 'ts' : 'js'}`] = [SMELLS, onlyWarnings, onlyInfo, 'export const clean = 1;\n'][i % 4] as string;
  }

  it('partition the files, and their merged report has the totals of a whole run', () => {
    const root = createAuditProject(files, { catalog: false });
    const whole = JSON.parse(audit(root, ['--format', 'json']).stdout) as AuditReport;
    const shardFiles = [1, 2, 3].map((index) => {
      const result = audit(root, ['--shard', `${index}/3`, '--format', 'json']);
      expect(result.code).toBe(0);
      const file = path.join(root, `audit-${index}.json`);
      writeFileSync(file, result.stdout);
      return file;
    });
    const parts = shardFiles.map((file) => JSON.parse(readFileSync(file, 'utf8')) as AuditReport);
    const filesOf = (report: AuditReport): string[] => [...new Set(report.findings.map((finding) => finding.file))];
    expect(parts.every((part) => part.findings.length > 0)).toBe(true);
    const seen = parts.flatMap(filesOf);
    expect(new Set(seen).size).toBe(seen.length);
    expect(parts.reduce((sum, part) => sum + part.files.scanned, 0)).toBe(whole.files.scanned);

    const merged = audit(root, ['--merge', ...shardFiles.map((file) => path.basename(file)), '--format', 'json']);
    expect(merged.code).toBe(0);
    const report = JSON.parse(merged.stdout) as AuditReport;
    expect(report.findings).toEqual(whole.findings);
    expect(report.summary).toEqual(whole.summary);
    expect(report.files).toEqual(whole.files);
    expect(report.linesScanned).toBe(whole.linesScanned);
    expect(report.score).toBe(whole.score);
    expect(report.shards).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));

    const gated = audit(root, ['--merge', ...shardFiles, '--fail-on', 'error', '--format', 'sarif']);
    expect(gated.code).toBe(1);
    expect(sarifProblems(JSON.parse(gated.stdout))).toEqual([]);

    const partial = audit(root, ['--merge', shardFiles[0] as string, shardFiles[2] as string]);
    expect(partial.stderr).toContain('warning: reports of shard 2/3 are missing: the merged report covers only part of the project');
  });

  it('refuses to merge what is not a sharded audit report', () => {
    const root = createAuditProject({ 'src/a.ts': SMELLS }, { catalog: false });
    writeFileSync(path.join(root, 'whole.json'), audit(root, ['--format', 'json']).stdout);
    writeFileSync(path.join(root, 'other.json'), JSON.stringify({ version: 1, transforms: [] }));
    const whole = audit(root, ['--merge', 'whole.json']);
    expect([whole.code, whole.stderr.trim()]).toEqual([2, 'error: only reports of sharded runs can be merged (each written with --shard i/n) — a whole run needs no merging']);
    const other = audit(root, ['--merge', 'other.json']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('is not a faultline audit JSON report');
  });
});
