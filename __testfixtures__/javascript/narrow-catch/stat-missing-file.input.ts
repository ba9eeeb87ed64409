import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';

export async function statIfPresent(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}
