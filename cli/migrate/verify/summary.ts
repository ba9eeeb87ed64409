/** A verified migration's own lines for people: each rewrite left alone and why, then the runs it took. */
import type { Paint } from '../summary.js';
import type { VerifyReport } from './run.js';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function revertedLines(verify: VerifyReport, paint: Paint): string[] {
  return verify.reverted.map((site) => `${paint.yellow('left alone'.padEnd(12))} ${site.path}:${site.line}:${site.column} ${paint.dim(`(${site.transform})`)}: ${site.reason}`);
}

export function verifySummaryLines(verify: VerifyReport, paint: Paint): string[] {
  if (verify.sitesTried === 0) return [paint.dim(`nothing to verify with \`${verify.command}\`: no rewrite, the tests were not run`)];
  const lines: string[] = [];
  const read = verify.formats.length > 0 ? `read from ${verify.formats.join(', ')} output` : 'judged by exit code';
  const kept = verify.sitesTried - verify.reverted.length;
  lines.push(
    paint.bold(
      `verified with \`${verify.command}\`: ${plural(kept, 'rewrite')} kept, ${verify.reverted.length} left alone, ${plural(verify.runs, 'test run')} (at most ${verify.maxRuns}) in ${(verify.durationMs / 1000).toFixed(1)} s, tests ${read}`,
    ),
  );
  if (verify.failingBefore.length > 0) lines.push(`  failing before the migration, not blamed on it: ${verify.failingBefore.join(', ')}`);
  if (verify.flaky.length > 0) lines.push(`  flaky (failed once, passed when run again): ${verify.flaky.join(', ')}`);
  return lines;
}
