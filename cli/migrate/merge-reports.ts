/**
 * Combines the JSON reports of a sharded run (`--shard 1/4` … `--shard 4/4` on separate machines) into
 * one report, as if the whole project had been migrated in one run.
 */
import { UsageError } from '../errors.js';
import { REPORT_VERSION, addLeftAlone, byPath, emptyCounts, type MigrateReport, type TransformCounts } from './report.js';
import type { Shard } from './shard.js';

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
  const shards = mergeShards(reports);
  const perTransform: Record<string, TransformCounts> = {};
  for (const report of reports) {
    for (const [id, counts] of Object.entries(report.perTransform)) {
      const merged = (perTransform[id] ??= emptyCounts());
      merged.fixed += counts.fixed;
      for (const [reason, sites] of Object.entries(counts.reasons)) addLeftAlone(merged, reason, sites);
    }
  }
  const sum = (pick: (report: MigrateReport) => number): number => reports.reduce((total, report) => total + pick(report), 0);
  return {
    version: REPORT_VERSION,
    root: first.root,
    dryRun: first.dryRun,
    transforms: first.transforms,
    shards,
    files: {
      scanned: sum((r) => r.files.scanned),
      changed: sum((r) => r.files.changed),
      unchanged: sum((r) => r.files.unchanged),
      skippedByPrefilter: sum((r) => r.files.skippedByPrefilter),
      skipped: sum((r) => r.files.skipped),
      failed: sum((r) => r.files.failed),
    },
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

function mergeShards(reports: MigrateReport[]): Shard[] {
  if (reports.some((report) => report.shards.length === 0)) {
    throw new UsageError('only reports of sharded runs can be merged (each written with --shard i/n) — a whole run needs no merging');
  }
  const shards = reports.flatMap((report) => report.shards);
  const count = shards[0]?.count;
  const seen = new Set<number>();
  for (const shard of shards) {
    if (shard.count !== count) throw new UsageError(`reports split the files differently (${count} and ${shard.count} shards) — use the same n in every --shard i/n`);
    if (seen.has(shard.index)) throw new UsageError(`shard ${shard.index}/${shard.count} is given twice — pass each shard's report once`);
    seen.add(shard.index);
  }
  return [...shards].sort((a, b) => a.index - b.index);
}

function missingShardWarnings(shards: Shard[]): string[] {
  const count = shards[0]?.count ?? 0;
  const present = new Set(shards.map((shard) => shard.index));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !present.has(index));
  return missing.length === 0 ? [] : [`reports of shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} are missing: the merged report covers only part of the project`];
}
