/**
 * Combines the JSON reports of a sharded run (`--shard 1/4` … `--shard 4/4` on separate machines) into
 * one report, as if the whole project had been migrated in one run.
 */
import { UsageError } from '../errors.js';
import { REPORT_VERSION, addLeftAlone, byPath, emptyCounts, sumCounts, type MigrateReport, type SourceLanguage, type TransformCounts } from './report.js';
import { mergeShards, missingShardWarnings } from './shard.js';

export function mergeReports(reports: MigrateReport[]): MigrateReport {
  const first = reports[0];
  if (first === undefined) throw new UsageError('no reports to merge — pass the JSON reports written by `faultline migrate --json`');
  for (const report of reports) {
    if (report.version !== REPORT_VERSION || !Array.isArray(report.shards) || typeof report.files !== 'object') {
      throw new UsageError('a report to merge is not a faultline migrate JSON report (version 1) — write reports with `faultline migrate --json`');
    }
    if (report.dryRun !== first.dryRun) throw new UsageError('cannot merge a dry-run report with one that wrote files — merge reports of the same kind');
    if (report.transforms.join(',') !== first.transforms.join(',')) {
      throw new UsageError(`reports ran different transforms (${first.transforms.join(',')} and ${report.transforms.join(',')}) — merge reports of the same run`);
    }
  }
  const shards = mergeShards(reports.map((report) => report.shards));
  const perTransform: Record<string, TransformCounts> = {};
  for (const report of reports) {
    for (const [id, counts] of Object.entries(report.perTransform)) {
      const merged = (perTransform[id] ??= emptyCounts());
      merged.fixed += counts.fixed;
      for (const [reason, sites] of Object.entries(counts.reasons)) addLeftAlone(merged, reason, sites);
    }
  }
  return {
    version: REPORT_VERSION,
    root: first.root,
    dryRun: first.dryRun,
    transforms: first.transforms,
    ...languagesOf(reports),
    shards,
    files: sumCounts(reports.map((r) => r.files)),
    changed: reports.flatMap((r) => r.changed).sort(byPath),
    skipped: reports.flatMap((r) => r.skipped).sort(byPath),
    failed: reports.flatMap((r) => r.failed).sort(byPath),
    perTransform,
    leftAlone: reports.flatMap((r) => r.leftAlone).sort((a, b) => byPath(a, b) || a.line - b.line || a.column - b.column),
    warnings: [...new Set([...reports.flatMap((r) => r.warnings), ...missingShardWarnings(shards)])],
    // Shards run side by side, so the merged run took as long as its slowest shard.
    durationMs: Math.max(...reports.map((r) => r.durationMs)),
  };
}

/** The languages any shard looked at; unknown when a shard's report does not say. */
function languagesOf(reports: MigrateReport[]): { languages?: SourceLanguage[] } {
  if (reports.some((report) => report.languages === undefined)) return {};
  const all = new Set(reports.flatMap((report) => report.languages ?? []));
  return { languages: (['javascript', 'python'] as const).filter((language) => all.has(language)) };
}
