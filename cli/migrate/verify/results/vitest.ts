/**
 * vitest's default reporter: every failing test, and every file that failed to load, is headed by
 * ` FAIL  file > suite > test` (a load failure as ` FAIL  file [ file ]`).
 */
import type { ReportReader } from './types.js';

export const readVitest: ReportReader = (output) => {
  if (!/^\s*Test Files\s+\d+/m.test(output)) return undefined;
  const failures = new Set<string>();
  for (const line of output.split(/\r?\n/)) {
    const failed = /^\s*FAIL\s+(.*\S)\s*$/.exec(line);
    if (failed) failures.add((failed[1] as string).replace(/\s+\[.*\]$/, ''));
  }
  return { format: 'vitest', failures: [...failures] };
};
