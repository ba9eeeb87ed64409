import { CATALOG_FILE } from '../catalog/load.js';
import type { FileChange } from '../fs/file-changes.js';
import type { SyncProblem } from '../generate/sync.js';
import type { Output } from '../output/console.js';
import { printChanges } from './print-changes.js';

/**
 * The files a regeneration changes. A catalog produces dozens of files and an edit touches a
 * few, so unchanged ones are listed only with --verbose.
 */
export function printCatalogChanges(output: Output, changes: FileChange[], options: { dryRun: boolean; root: string }): void {
  const shown = output.options.verbose ? changes : changes.filter((change) => change.status !== 'unchanged');
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
