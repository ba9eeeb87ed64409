import type CliProgress from 'cli-progress';
import { lazyRequire } from '../lazy-require.js';
import type { VerifyProgress } from '../migrate/verify/run.js';
import type { Output } from './console.js';

const loadCliProgress = lazyRequire<typeof CliProgress>('cli-progress');

const stages: Record<VerifyProgress['stage'], string> = {
  baseline: 'tests before migrating',
  migrated: 'tests after migrating',
  bisecting: 'finding the rewrites that break tests',
  confirming: 'confirming',
};

/** `run N of at most M`, elapsed time and stage on stderr, only for a person watching a terminal. */
export function verifyProgressDisplay(output: Output): { update(progress: VerifyProgress): void; stop(): void } | undefined {
  if (!process.stderr.isTTY || output.options.quiet) return undefined;
  const cliProgress = loadCliProgress();
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, clearOnComplete: true, hideCursor: true, format: 'test run {value} of at most {total} [{bar}] {duration_formatted} {stage}', barsize: 20 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress) {
      if (!started) {
        bar.start(progress.maxRuns, progress.run, { stage: stages[progress.stage] });
        started = true;
        return;
      }
      bar.setTotal(progress.maxRuns);
      bar.update(progress.run, { stage: stages[progress.stage] });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
