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
