import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pc from 'picocolors';
import { docsUrl, repositoryWebUrl } from '../../cli/audit/docs-url.js';
import { failureLines, findingLines, formatCount, summaryLines } from '../../cli/audit/format-text.js';
import { toSarif } from '../../cli/audit/format-sarif.js';
import type { AuditReport } from '../../cli/audit/report.js';
import { runAudit } from '../../cli/audit/run.js';
import { createAuditProject, removeAuditProjects, SMELLS, SMELLS_FINDINGS } from './projects.js';
import { sarifProblems } from './sarif-structure.js';

const plain = pc.createColors(false);
let report: AuditReport;

beforeAll(async () => {
  const root = createAuditProject(
    { 'src/smells.ts': SMELLS, 'src/with space/b.js': 'try { a(); } catch {}\n', 'src/bad.js': 'try { x( } catch {}\n', 'src/clean.js': 'export const a = 1;\n' },
    { catalog: false },
  );
  report = await runAudit({ cwd: root });
});
afterAll(removeAuditProjects);

describe('text format', () => {
  it('groups findings by file, aligned as line:column, severity, message, rule id', () => {
    const lines = findingLines(report, plain);
    expect(lines[0]).toBe('src/smells.ts');
    const smellLines = lines.slice(1, 1 + SMELLS_FINDINGS.length);
    expect(smellLines.map((line) => line.trim().split(/\s{2,}/))).toEqual(
      report.findings.filter((finding) => finding.file === 'src/smells.ts').map((finding) => [`${finding.line}:${finding.column}`, finding.severity, finding.message, finding.ruleId]),
    );
    // Columns line up: every rule id starts at the same offset within a file's block.
    const ruleOffsets = new Set(smellLines.map((line, index) => line.lastIndexOf(SMELLS_FINDINGS[index]?.[0] as string)));
    expect(ruleOffsets.size).toBe(1);
    expect(lines.slice(1 + SMELLS_FINDINGS.length)).toEqual(['', 'src/with space/b.js', `  1:14  error  ${report.findings.at(-1)?.message}  empty-catch`]);
  });

  it('sums up per rule and severity, what migrate fixes, and the score', () => {
    // Each rule's line ends with its docs page, for the version that ran.
    const page = (kind: string, id: string) => `https://github.com/faultline-dev/faultline/blob/v${report.tool.version}/docs/${kind}/${id}.md`;
    expect(summaryLines({ ...report, durationMs: 1234 }, plain)).toEqual([
      '✖ 8 findings (3 errors, 5 warnings) in 2 files',
      `  empty-catch                2 (2 errors)   2 fixable  ${page('transforms', 'empty-catch')}`,
      `  console-in-catch           1 (1 warning)  1 fixable  ${page('transforms', 'console-in-catch')}`,
      `  catch-returns-default      1 (1 warning)             ${page('rules', 'catch-returns-default')}`,
      `  error-message-only-logged  1 (1 warning)             ${page('rules', 'error-message-only-logged')}`,
      `  promise-all-swallowed      1 (1 error)               ${page('rules', 'promise-all-swallowed')}`,
      `  catch-any                  1 (1 warning)             ${page('rules', 'catch-any')}`,
      `  loop-catch-continue        1 (1 warning)             ${page('rules', 'loop-catch-continue')}`,
      // There is no catalog here, so the next step for the fixable findings is init.
      '3 fixable by `faultline migrate` (run `faultline init` first, then preview with `faultline migrate --dry-run`)',
      `3 files scanned (23 lines), 1 not audited (see above); score ${report.score.toFixed(2)} findings per 1,000 lines (lower is better)`,
      'done in 1.23 s',
    ]);
    expect(report.score).toBe(347.83);
  });

  it('says so when there is nothing to report', () => {
    const empty: AuditReport = { ...report, findings: [], failed: [], summary: { findings: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {}, fixable: 0 }, score: 0, files: { scanned: 1, withFindings: 0, clean: 1, skipped: 0, failed: 0 }, linesScanned: 1 };
    expect(summaryLines(empty, plain).slice(0, 2)).toEqual(['✔ no findings', '1 file scanned (1 line); score 0.00 findings per 1,000 lines (lower is better)']);
    expect(findingLines(empty, plain)).toEqual([]);
  });

  it('does not call a run clean when it could not audit every file', () => {
    const partial: AuditReport = { ...report, findings: [], summary: { findings: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {}, fixable: 0 }, score: 0, files: { scanned: 3, withFindings: 0, clean: 1, skipped: 1, failed: 1 }, linesScanned: 1 };
    expect(summaryLines(partial, plain)[0]).toBe('no findings in the 1 file audited; 2 files could not be audited');
    const nothing: AuditReport = { ...partial, files: { scanned: 1, withFindings: 0, clean: 0, skipped: 1, failed: 0 } };
    expect(summaryLines(nothing, plain)[0]).toBe('✖ nothing was audited: no file could be read and parsed');
  });

  it('colours severities only when colours are on', () => {
    const colored = findingLines(report, pc.createColors(true)).join('\n');
    expect(colored).toContain(pc.createColors(true).red('error'));
    expect(findingLines(report, plain).join('\n')).not.toMatch(/\u001b\[/);
  });

  it('names files that could not be audited with their position', () => {
    expect(failureLines(report)).toEqual([`src/bad.js:1:10: ${report.failed[0]?.message} (not audited)`]);
  });
});

describe('JSON report', () => {
  it('has findings with file, positions, message and fixable, plus summary and score', () => {
    const parsed = JSON.parse(JSON.stringify(report)) as AuditReport;
    expect(Object.keys(parsed)).toEqual(['kind', 'version', 'tool', 'root', 'shards', 'rules', 'files', 'linesScanned', 'score', 'summary', 'findings', 'failed', 'skipped', 'warnings', 'defaultCatalog', 'durationMs']);
    expect(parsed.kind).toBe('faultline-audit');
    expect(parsed.findings[0]).toEqual({
      ruleId: 'catch-any',
      severity: 'warning',
      file: 'src/smells.ts',
      line: 4,
      column: 15,
      endLine: 4,
      endColumn: 18,
      message: expect.stringContaining('typed `any`'),
      fixable: false,
    });
    expect(parsed.findings.map((finding) => finding.file)).toContain('src/with space/b.js');
    expect(parsed.summary).toEqual({
      findings: 8,
      bySeverity: { error: 3, warning: 5, info: 0 },
      byRule: expect.objectContaining({ 'empty-catch': { error: 2, warning: 0, info: 0, fixable: 2 } }),
      fixable: 3,
      fixableOnRequest: 0,
      onRequest: [],
    });
    expect(parsed.linesScanned).toBe(23);
  });
});

describe('SARIF', () => {
  it('is structurally valid SARIF 2.1.0', () => {
    expect(sarifProblems(toSarif(report))).toEqual([]);
    expect(sarifProblems(toSarif(report, { repository: 'git+https://github.com/acme/faultline.git' }))).toEqual([]);
  });

  it('lists the rules that ran and locates each result relative to %SRCROOT%', () => {
    const sarif = toSarif(report) as { runs: Array<{ tool: { driver: { rules: Array<Record<string, unknown>> } }; results: Array<Record<string, any>>; originalUriBaseIds: Record<string, { uri: string }>; invocations: Array<Record<string, any>> }> };
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(report.rules.map((rule) => rule.id));
    expect(run.tool.driver.rules.find((rule) => rule.id === 'broad-try')).toMatchObject({
      name: 'BroadTry',
      defaultConfiguration: { level: 'note' },
      properties: { fixable: false, docs: 'docs/rules/broad-try.md' },
    });
    // A transform that changes behaviour is run only when asked for, and its help says how.
    expect(run.tool.driver.rules.find((rule) => rule.id === 'narrow-catch')).toMatchObject({
      help: { text: expect.stringContaining('`faultline migrate --transform narrow-catch` fixes it; the fix changes behaviour') },
      properties: { fixable: true, changesBehaviour: true },
    });
    expect(run.tool.driver.rules.find((rule) => rule.id === 'empty-catch')).toMatchObject({ help: { text: expect.stringMatching(/ `faultline migrate` fixes it\.$/) } });
    expect(run.results).toHaveLength(report.findings.length);
    const spaced = run.results.find((result) => result.locations[0].physicalLocation.artifactLocation.uri.startsWith('src/with'));
    expect(spaced).toMatchObject({
      ruleId: 'empty-catch',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/with%20space/b.js', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 14, endLine: 1, endColumn: 22 } } }],
      properties: { fixable: true },
    });
    expect(run.originalUriBaseIds['%SRCROOT%']?.uri).toBe(`file://${report.root}/`);
    expect(run.invocations[0]?.toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'src/bad.js', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 10 } } }] }),
    ]);
  });

  it('links rule pages only when faultline knows its repository', () => {
    const rulesOf = (log: object) => (log as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string }>; informationUri?: string } } }> }).runs[0]!.tool.driver;
    expect(rulesOf(toSarif(report)).rules.every((rule) => rule.helpUri === undefined)).toBe(true);
    const linked = rulesOf(toSarif(report, { repository: { url: 'git@github.com:acme/faultline.git' } }));
    expect(linked.informationUri).toBe('https://github.com/acme/faultline');
    expect(linked.rules.find((rule) => rule.id === 'catch-any')?.helpUri).toBe(`https://github.com/acme/faultline/blob/v${report.tool.version}/docs/rules/catch-any.md`);
  });

  it('the structural check catches what breaks SARIF consumers', () => {
    const broken = JSON.parse(JSON.stringify(toSarif(report)));
    broken.version = '2.0.0';
    broken.runs[0].results[0].ruleIndex = 99;
    broken.runs[0].results[0].level = 'info';
    broken.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = '/abs/path.ts';
    broken.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0;
    broken.runs[0].tool.driver.rules[0].helpUri = 'docs/rules/x.md';
    expect(sarifProblems(broken)).toEqual([
      '$.version: must be "2.1.0"',
      '$.runs[0].tool.driver.rules[0].helpUri: must be an absolute URI',
      '$.runs[0].results[0].ruleIndex: must point at the rule with the same id',
      '$.runs[0].results[0].level: must be none, note, warning or error',
      '$.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri: must be a relative URI reference',
      '$.runs[0].results[0].locations[0].physicalLocation.region.startColumn: must be an integer >= 1',
    ]);
  });
});

describe('repository links', () => {
  it('understands the forms npm accepts', () => {
    for (const form of ['acme/faultline', 'github:acme/faultline', 'git+https://github.com/acme/faultline.git', 'https://github.com/acme/faultline', 'git@github.com:acme/faultline.git', { url: 'git://github.com/acme/faultline.git' }]) {
      expect(repositoryWebUrl(form), JSON.stringify(form)).toBe('https://github.com/acme/faultline');
    }
    expect(repositoryWebUrl('https://example.com/x.git')).toBeUndefined();
    expect(repositoryWebUrl(undefined)).toBeUndefined();
    expect(docsUrl('acme/faultline', 'docs/rules/broad-try.md')).toBe('https://github.com/acme/faultline/blob/HEAD/docs/rules/broad-try.md');
    expect(docsUrl('acme/faultline', 'docs/rules/broad-try.md', '1.2.0')).toBe('https://github.com/acme/faultline/blob/v1.2.0/docs/rules/broad-try.md');
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [12345, '12,345'],
    [1234567, '1,234,567'],
  ])('%d -> %s', (count, expected) => {
    expect(formatCount(count)).toBe(expected);
  });

  it('writes counts as en-US does', () => {
    for (let count = 0; count < 2_000_000; count = count * 3 + 7) expect(formatCount(count)).toBe(count.toLocaleString('en-US'));
  });
});
