import { statSync, type Stats } from 'node:fs';

export function sizeOf(path: string): number {
  let stats: Stats | undefined;
  try {
    stats = statSync(path);
  } catch {} // eslint-disable-line no-empty
  return stats?.size ?? 0;
}
