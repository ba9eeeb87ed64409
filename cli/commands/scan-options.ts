/**
 * The flags `migrate` and `audit` share: which files to read (ignore patterns, a shard, a size
 * limit), where to start, and merging the JSON reports of sharded runs instead of scanning. Defined
 * once so both commands spell, describe and check them alike.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { parseShard, type Shard } from '../migrate/shard.js';

export interface ScanFlags {
  ignore?: string[];
  shard?: string;
  maxFileSize?: string;
  merge?: string[];
}

/** Adds the shared flags; `only` and `insteadOf` finish their descriptions ("audit only …", "instead of auditing"). */
export function addScanOptions(command: Command, words: { only: string; insteadOf: string }): Command {
  return command
    .option('--ignore <glob>', 'skip files matching a .gitignore-style pattern (repeatable)', collect, [])
    .option('--shard <i/n>', `${words.only} only the i-th of n deterministic parts of the files (for CI matrices)`)
    .option('--max-file-size <size>', 'skip files larger than this (bytes, or e.g. 512k, 4m; default 2m)')
    .option('--merge <reports...>', `merge the JSON reports of sharded runs into one report instead of ${words.insteadOf}`)
    .option('--cwd <dir>', 'run as if started in <dir>');
}

/** The engine options the shared flags stand for; a malformed shard or size is a usage error. */
export function scanOptionsOf(flags: ScanFlags): { ignore?: string[]; shard?: Shard; maxFileSize?: number } {
  return {
    ignore: flags.ignore,
    shard: flags.shard === undefined ? undefined : parseShard(flags.shard),
    maxFileSize: flags.maxFileSize === undefined ? undefined : parseSize(flags.maxFileSize),
  };
}

/** `--merge` reads reports only: paths or a shard next to it mean a mistake. */
export function checkMergeAlone(paths: string[], flags: ScanFlags): void {
  if (paths.length > 0 || flags.shard) throw new UsageError('--merge takes only report files — drop the paths and --shard');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 * 1024, mb: 1024 * 1024 };

export function parseSize(text: string): number {
  const match = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? SIZE_UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  const bytes = match && unit ? Number(match[1]) * unit : NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`invalid --max-file-size ${JSON.stringify(text)} — give bytes or a size like 512k or 4m`);
  return bytes;
}
