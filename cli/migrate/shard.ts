/**
 * `--shard i/n`: splits the files between CI machines. Membership depends only on the file's path
 * relative to the project root, so every machine computes the same split with no coordination, and
 * the shards' union is every file exactly once.
 */
import { UsageError } from '../errors.js';

/** One part of the work: `index` counts from 1 up to `count`, as CI matrices do. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`invalid --shard ${JSON.stringify(text)} — use i/n with 1 <= i <= n, e.g. --shard 2/4`);
  }
  return { index, count };
}

/** 32-bit FNV-1a over the path's UTF-8 bytes: tiny, fast and the same on every platform. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Whether a file (relative to the project root, `/` separators) belongs to the shard. */
export function isInShard(relativePath: string, shard: Shard): boolean {
  return fnv1a(relativePath) % shard.count === shard.index - 1;
}

/**
 * The shards a set of reports covers, checked to be one split (same n, no shard twice), in order.
 * Shared by `migrate --merge` and `audit --merge`.
 */
export function mergeShards(shardsPerReport: Array<Shard[] | undefined>): Shard[] {
  if (shardsPerReport.some((shards) => !Array.isArray(shards) || shards.length === 0)) {
    throw new UsageError('only reports of sharded runs can be merged (each written with --shard i/n) — a whole run needs no merging');
  }
  const shards = shardsPerReport.flatMap((list) => list ?? []);
  const count = shards[0]?.count;
  const seen = new Set<number>();
  for (const shard of shards) {
    if (shard.count !== count) throw new UsageError(`reports split the files differently (${count} and ${shard.count} shards) — use the same n in every --shard i/n`);
    if (seen.has(shard.index)) throw new UsageError(`shard ${shard.index}/${shard.count} is given twice — pass each shard's report once`);
    seen.add(shard.index);
  }
  return [...shards].sort((a, b) => a.index - b.index);
}

/** A warning when the merged shards leave part of the project out. */
export function missingShardWarnings(shards: Shard[]): string[] {
  const count = shards[0]?.count ?? 0;
  const present = new Set(shards.map((shard) => shard.index));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !present.has(index));
  return missing.length === 0 ? [] : [`reports of shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} are missing: the merged report covers only part of the project`];
}
