/**
 * An audit report as text for people, laid out like ESLint's "stylish" output: findings grouped by
 * file, one per line as `line:column  severity  message  rule-id`, then a summary with counts per
 * rule and severity, what `faultline migrate` can fix, and the score.
 */
import type { Severity } from '../../transforms/types.js';
import { SEVERITIES, type AuditFinding, type AuditReport, type SeverityCounts } from './report.js';

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
}

const plural = (count: number, word: string): string => `${formatCount(count)} ${word}${count === 1 || word === 'info' ? '' : 's'}`;

/**
 * `12,345`: a count with its thousands grouped, as en-US writes them. `toLocaleString` does the same
 * but loads the locale data first, which took 14 ms: a quarter of an audit of a small project.
 */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

function paintSeverity(severity: Severity, paint: Paint): (text: string) => string {
  return severity === 'error' ? paint.red : severity === 'warning' ? paint.yellow : paint.blue;
}

/** The findings, a block per file: the path, then one aligned line per finding. */
export function findingLines(report: AuditReport, paint: Paint): string[] {
  const lines: string[] = [];
  for (const [file, findings] of groupByFile(report.findings)) {
    const positions = findings.map((finding) => `${finding.line}:${finding.column}`);
    const positionWidth = Math.max(...positions.map((position) => position.length));
    const severityWidth = Math.max(...findings.map((finding) => finding.severity.length));
    const messageWidth = Math.max(...findings.map((finding) => finding.message.length));
    if (lines.length > 0) lines.push('');
    lines.push(paint.underline(file));
    findings.forEach((finding, index) => {
      const position = paint.dim((positions[index] as string).padEnd(positionWidth));
      const severity = paintSeverity(finding.severity, paint)(finding.severity.padEnd(severityWidth));
      lines.push(`  ${position}  ${severity}  ${finding.message.padEnd(messageWidth)}  ${paint.dim(finding.ruleId)}`);
    });
  }
  return lines;
}

function groupByFile(findings: readonly AuditFinding[]): Map<string, AuditFinding[]> {
  const groups = new Map<string, AuditFinding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group === undefined) groups.set(finding.file, [finding]);
    else group.push(finding);
  }
  return groups;
}

/** `path:line:column: message` for files that could not be audited, which terminals and editors open at the position. */
export function failureLines(report: AuditReport): string[] {
  return report.failed.map((file) => {
    const position = file.line === null ? '' : `:${file.line}:${file.column ?? 1}`;
    return `${file.path}${position}: ${file.message} (not audited)`;
  });
}

function severityBreakdown(counts: SeverityCounts): string {
  return SEVERITIES.filter((severity) => counts[severity] > 0)
    .map((severity) => plural(counts[severity], severity))
    .join(', ');
}

export function summaryLines(report: AuditReport, paint: Paint): string[] {
  const { summary, files } = report;
  const lines: string[] = [];
  const audited = files.withFindings + files.clean;
  if (audited === 0) {
    lines.push(paint.red(paint.bold('✖ nothing was audited: no file could be read and parsed')));
  } else if (summary.findings === 0 && files.skipped + files.failed > 0) {
    // Clean, but only as far as it looked: the files it could not audit may hold anything.
    lines.push(paint.yellow(paint.bold(`no findings in the ${plural(audited, 'file')} audited; ${plural(files.skipped + files.failed, 'file')} could not be audited`)));
  } else if (summary.findings === 0) {
    lines.push(paint.green(paint.bold('✔ no findings')));
  } else {
    const headline = `✖ ${plural(summary.findings, 'finding')} (${severityBreakdown(summary.bySeverity)}) in ${plural(files.withFindings, 'file')}`;
    const color = summary.bySeverity.error > 0 ? paint.red : summary.bySeverity.warning > 0 ? paint.yellow : paint.blue;
    lines.push(color(paint.bold(headline)));
    lines.push(...ruleLines(report, paint));
    lines.push(...fixableLines(report, paint));
  }
  const checked = files.withFindings + files.clean;
  const notChecked = [
    files.skipped > 0 ? `${formatCount(files.skipped)} skipped` : '',
    files.failed > 0 ? paint.red(`${formatCount(files.failed)} not audited (see above)`) : '',
  ].filter((part) => part !== '');
  const scanned = [`${plural(checked, 'file')} scanned (${plural(report.linesScanned, 'line')})`, ...notChecked].join(', ');
  lines.push(`${scanned}; score ${paint.bold(report.score.toFixed(2))} findings per 1,000 lines ${paint.dim('(lower is better)')}`);
  const shards = report.shards.length > 0 ? ` (shard${report.shards.length === 1 ? '' : 's'} ${report.shards.map((s) => `${s.index}/${s.count}`).join(', ')})` : '';
  lines.push(paint.dim(`done in ${(report.durationMs / 1000).toFixed(2)} s${shards}`));
  return lines;
}

/**
 * What `migrate` would fix: what a plain run fixes, then what it fixes only when the transform is
 * asked for, since those fixes change which errors are caught or thrown and each wants a review.
 */
function fixableLines(report: AuditReport, paint: Paint): string[] {
  const { summary } = report;
  const lines: string[] = [];
  // migrate needs a catalog to migrate to; without one the next step is init.
  if (summary.fixable > 0) {
    const next = report.defaultCatalog ? '(run `faultline init` first, then preview with `faultline migrate --dry-run`)' : '(preview the changes with `faultline migrate --dry-run`)';
    lines.push(`${paint.green(`${formatCount(summary.fixable)} fixable by \`faultline migrate\``)} ${paint.dim(next)}`);
  }
  // Reports written before the split have no such count.
  const onRequest = summary.fixableOnRequest ?? 0;
  if (onRequest > 0) {
    const command = `faultline migrate --transform ${(summary.onRequest ?? []).join(',')}`;
    const count = summary.fixable > 0 ? `${formatCount(onRequest)} more` : `${formatCount(onRequest)} fixable`;
    const before = summary.fixable > 0 || report.defaultCatalog !== true ? '' : 'run `faultline init` first; ';
    lines.push(`${count} only with \`${command}\` ${paint.dim(`(${before}these fixes change behaviour: review each one)`)}`);
  }
  return lines;
}

/** One line per rule with findings: how many, at which levels, how many `migrate` fixes, and its docs page. */
function ruleLines(report: AuditReport, paint: Paint): string[] {
  const entries = Object.entries(report.summary.byRule);
  const idWidth = Math.max(...entries.map(([id]) => id.length));
  const counts = entries.map(([, rule]) => `${formatCount(rule.error + rule.warning + rule.info)} (${severityBreakdown(rule)})`);
  const countWidth = Math.max(...counts.map((text) => text.length));
  const onRequest = new Set(report.rules.filter((rule) => rule.changesBehaviour === true).map((rule) => rule.id));
  const fixes = entries.map(([id, rule]) => (rule.fixable > 0 ? `${formatCount(rule.fixable)} fixable${onRequest.has(id) ? ' on request' : ''}` : ''));
  const fixWidth = Math.max(...fixes.map((text) => text.length));
  const docs = new Map(report.rules.map((rule) => [rule.id, rule.docsUrl]));
  return entries.map(([id], index) => {
    const fix = fixes[index] as string;
    const url = docs.get(id);
    const link = url === undefined ? '' : `${' '.repeat(fixWidth - fix.length)}  ${paint.dim(url)}`;
    return `  ${id.padEnd(idWidth)}  ${(counts[index] as string).padEnd(countWidth)}  ${fix === '' ? '' : paint.green(fix)}${link}`.trimEnd();
  });
}
