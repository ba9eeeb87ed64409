/**
 * Combines the JSON reports of a sharded audit (`--shard 1/4` … `--shard 4/4` on separate machines)
 * into one report, as if the whole project had been audited at once: findings are concatenated,
 * counts summed, and the summary and score recomputed from the summed findings and lines.
 */
import { UsageError } from '../errors.js';
import { byPath, sumCounts } from '../migrate/report.js';
import { mergeShards, missingShardWarnings } from '../migrate/shard.js';
import { AUDIT_REPORT_KIND, AUDIT_REPORT_VERSION, byPosition, scoreOf, summarize, type AuditReport } from './report.js';

const HOW_TO_WRITE = 'write each shard\'s report with `faultline audit --shard i/n --format json`';

export function mergeAuditReports(reports: AuditReport[]): AuditReport {
  const first = reports[0];
  if (first === undefined) throw new UsageError(`no reports to merge — ${HOW_TO_WRITE}`);
  for (const report of reports) {
    if (report?.kind !== AUDIT_REPORT_KIND || report.version !== AUDIT_REPORT_VERSION || !Array.isArray(report.findings) || !Array.isArray(report.rules)) {
      throw new UsageError(`a report to merge is not a faultline audit JSON report (version ${AUDIT_REPORT_VERSION}) — ${HOW_TO_WRITE}`);
    }
    if (ruleKey(report) !== ruleKey(first)) {
      throw new UsageError('reports ran different rules or levels — merge reports of one run, made with the same catalog and faultline version');
    }
  }
  const shards = mergeShards(reports.map((report) => report.shards));
  const findings = reports.flatMap((report) => report.findings).sort(byPosition);
  const sum = (pick: (report: AuditReport) => number): number => reports.reduce((total, report) => total + pick(report), 0);
  const linesScanned = sum((report) => report.linesScanned);
  return {
    kind: AUDIT_REPORT_KIND,
    version: AUDIT_REPORT_VERSION,
    tool: first.tool,
    root: first.root,
    shards,
    rules: first.rules,
    files: sumCounts(reports.map((r) => r.files)),
    linesScanned,
    score: scoreOf(findings.length, linesScanned),
    summary: summarize(findings, first.rules),
    findings,
    failed: reports.flatMap((r) => r.failed).sort(byPath),
    skipped: reports.flatMap((r) => r.skipped).sort(byPath),
    warnings: [...new Set([...reports.flatMap((r) => r.warnings ?? []), ...missingShardWarnings(shards)])],
    ...(reports.some((r) => r.defaultCatalog) ? { defaultCatalog: true as const } : {}),
    // Shards run side by side, so the merged run took as long as its slowest shard.
    durationMs: Math.max(...reports.map((r) => r.durationMs)),
  };
}

function ruleKey(report: AuditReport): string {
  return report.rules.map((rule) => `${rule.id}:${rule.level}`).join(',');
}
