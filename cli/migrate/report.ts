/**
 * What a `migrate` run did, in a shape that is both printed for people and written as JSON, and that
 * reports from several shards can be merged into.
 */
import type { Shard } from './shard.js';

export const REPORT_VERSION = 1;

export type SourceLanguage = 'javascript' | 'python';

export interface FileCounts {
  /** Every candidate file: scanned = changed + unchanged + skipped + failed. */
  scanned: number;
  changed: number;
  unchanged: number;
  /** Unchanged files no selected transform could match, so they were never parsed. */
  skippedByPrefilter: number;
  skipped: number;
  failed: number;
}

export interface ChangedFile {
  /** Relative to the project root, `/` separators. */
  path: string;
  /** Ids of the transforms that changed it. */
  transforms: string[];
  /** Unified diff, in dry runs only. */
  diff?: string;
}

export interface SkippedEntry {
  path: string;
  reason: string;
}

export interface FailedFile {
  path: string;
  /** Where the problem is in the file, 1-based; null when it is not about a position (e.g. unreadable). */
  line: number | null;
  column: number | null;
  message: string;
}

/** A site a transform found but did not change, and why. */
export interface LeftAloneSite {
  path: string;
  line: number;
  column: number;
  transform: string;
  reason: string;
}

export interface TransformCounts {
  fixed: number;
  leftAlone: number;
  /** Left-alone sites by reason. */
  reasons: Record<string, number>;
}

export interface MigrateReport {
  version: typeof REPORT_VERSION;
  /** Absolute path of the project root (where faultline.catalog.json is). */
  root: string;
  dryRun: boolean;
  /** Transform ids that were run, in the order they ran. */
  transforms: string[];
  /**
   * The languages of the files the run looked at: a transform of another language had nothing to
   * look at, and the summary leaves it out. Absent in reports written before it was recorded.
   */
  languages?: SourceLanguage[];
  /** The shards this report covers: one for a sharded run, several after merging, none for a whole run. */
  shards: Shard[];
  files: FileCounts;
  changed: ChangedFile[];
  skipped: SkippedEntry[];
  failed: FailedFile[];
  perTransform: Record<string, TransformCounts>;
  leftAlone: LeftAloneSite[];
  warnings: string[];
  durationMs: number;
}

export function emptyCounts(): TransformCounts {
  return { fixed: 0, leftAlone: 0, reasons: {} };
}

export function addLeftAlone(counts: TransformCounts, reason: string, sites = 1): void {
  counts.leftAlone += sites;
  counts.reasons[reason] = (counts.reasons[reason] ?? 0) + sites;
}

/** Field-by-field sums of count records with the same keys (the `files` counts of shard reports), in the first one's key order. */
export function sumCounts<T extends { [K in keyof T]: number }>(records: readonly T[]): T {
  const keys = (records.length === 0 ? [] : Object.keys(records[0] as T)) as Array<keyof T>;
  return Object.fromEntries(keys.map((key) => [key, records.reduce((total, record) => total + (record[key] ?? 0), 0)])) as T;
}

export function byPath<T extends { path: string }>(a: T, b: T): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
