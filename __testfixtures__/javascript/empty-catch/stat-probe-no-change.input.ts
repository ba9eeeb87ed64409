import fs from 'node:fs';
import type { Stats } from 'node:fs';

export async function sizeOf(file: string): Promise<number> {
  let stats: Stats | undefined;
  try {
    stats = await fs.promises.stat(file);
  } catch {}
  return stats?.size ?? 0;
}
