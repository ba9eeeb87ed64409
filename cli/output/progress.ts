import type CliProgress from 'cli-progress';
import { lazyRequire } from '../lazy-require.js';
import type { MigrateProgress } from '../migrate/run.js';
import type { Output } from './console.js';

const loadCliProgress = lazyRequire<typeof CliProgress>('cli-progress');

export interface ProgressDisplay {
  update(progress: MigrateProgress): void;
  stop(): void;
}

/**
 * A progress bar on stderr, only for a person watching a terminal (never in pipes, CI logs or
 * --quiet). Each phase of the run (scanning, writing) gets a bar of its own, labelled by `labels`.
 */
export function progressDisplay(output: Output, labels: Record<MigrateProgress['phase'], string>): ProgressDisplay | undefined {
  if (!process.stderr.isTTY || output.options.quiet) return undefined;
  const cliProgress = loadCliProgress();
  const width = Math.max(...Object.values(labels).map((label) => label.length));
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, clearOnComplete: true, hideCursor: true, format: '{phase} [{bar}] {value}/{total} {file}', barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  let phase: MigrateProgress['phase'] | undefined;
  return {
    update(progress) {
      const payload = { phase: labels[progress.phase].padEnd(width), file: progress.path };
      if (phase !== progress.phase) {
        if (phase !== undefined) bar.stop();
        bar.start(progress.total, progress.done, payload);
        phase = progress.phase;
      } else {
        bar.update(progress.done, payload);
      }
    },
    stop() {
      if (phase !== undefined) bar.stop();
    },
  };
}
