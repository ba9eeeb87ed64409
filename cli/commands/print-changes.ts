import path from 'node:path';
import type { FileChange } from '../fs/file-changes.js';
import type { Output } from '../output/console.js';
import { colorDiff } from '../output/diff.js';

const labels: Record<FileChange['status'], string> = {
  create: 'create',
  update: 'update',
  overwrite: 'overwrite',
  unchanged: 'unchanged',
  conflict: 'conflict',
};

/** One line per file, and under --dry-run the diff of every file that would change. */
export function printChanges(output: Output, changes: FileChange[], options: { dryRun: boolean; root: string }): void {
  const c = output.colors;
  const paint: Record<FileChange['status'], (s: string) => string> = {
    create: c.green,
    update: c.cyan,
    overwrite: c.yellow,
    unchanged: c.dim,
    conflict: c.red,
  };
  const verb = options.dryRun ? 'would ' : '';
  for (const change of changes) {
    const label = change.status === 'unchanged' || change.status === 'conflict' ? labels[change.status] : verb + labels[change.status];
    output.info(`${paint[change.status](label.padEnd(16))} ${change.path}`);
  }
  if (options.dryRun) {
    for (const change of changes) {
      if (change.diff && change.status !== 'unchanged') output.data(colorDiff(change.diff, c));
    }
  }
  const counts = changes.reduce<Record<string, number>>((acc, ch) => ({ ...acc, [ch.status]: (acc[ch.status] ?? 0) + 1 }), {});
  const summary = Object.entries(counts).map(([status, n]) => `${n} ${status}`).join(', ');
  const relative = path.relative(process.cwd(), options.root);
  // A project outside the current directory reads better as its own path than as a climb of `../`.
  const where = relative === '' ? '.' : relative.startsWith('..') ? options.root : relative;
  output.info(c.dim(`${options.dryRun ? 'dry run, nothing written: ' : ''}${summary} in ${where}`));
}
