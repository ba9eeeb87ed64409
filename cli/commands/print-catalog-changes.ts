import { CATALOG_FILE } from '../catalog/load.js';
import type { FileChange } from '../fs/file-changes.js';
import type { RunbookMove } from '../generate/runbook-moves.js';
import type { SyncProblem } from '../generate/sync.js';
import type { Output } from '../output/console.js';
import { printChanges } from './print-changes.js';

/**
 * The files a regeneration changes. A catalog produces dozens of files and an edit touches a
 * few, so unchanged ones are listed only with --verbose.
 */
export function printCatalogChanges(output: Output, changes: FileChange[], options: { dryRun: boolean; root: string; moved?: RunbookMove[] }): void {
  const moved = options.moved ?? [];
  // A page's new name may differ from its old one only in case: the move is all there is to say.
  for (const move of moved) output.info(`${options.dryRun ? 'would move' : 'moved'} ${move.from} to ${move.to}, keeping its text (the catalog's runbookNames names it so)`);
  const shown = output.options.verbose ? changes : changes.filter((change) => change.status !== 'unchanged');
  if (shown.length === 0 && moved.length > 0) return;
  if (shown.length === 0) {
    output.info(`nothing to change: every file derived from ${CATALOG_FILE} is up to date`);
    return;
  }
  printChanges(output, shown, options);
}

/** Pages left untouched because their generated block could not be found safely, with what to do. */
export function printSyncProblems(output: Output, problems: SyncProblem[]): void {
  for (const problem of problems) {
    output.error(`${problem.path} was left as it is: ${problem.message} — fix its markers, then run \`faultline sync\``);
  }
}
