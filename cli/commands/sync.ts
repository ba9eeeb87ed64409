import type { Command } from 'commander';
import type { CommandContext } from './context.js';
import { printCatalogChanges, printSyncProblems } from './print-catalog-changes.js';

interface SyncFlags {
  dryRun?: boolean;
  json?: boolean;
}

export function registerSync(program: Command, context: CommandContext): void {
  program
    .command('sync')
    .description('regenerate every file derived from the catalog, keeping the files you own')
    .option('--dry-run', 'show what would change, with diffs, and write nothing')
    .option('--json', 'print the result as JSON')
    .action(async (flags: SyncFlags, command: Command) => {
      const output = context.output(command);
      const { runSync } = await import('../generate/sync.js');
      const result = await runSync({ root: context.cwd(command), dryRun: Boolean(flags.dryRun) });
      if (flags.json) {
        output.data(JSON.stringify({
          root: result.root,
          catalog: result.catalogFile,
          written: result.written,
          files: result.changes.map((c) => ({ path: c.path, status: c.status, ...(flags.dryRun ? { diff: c.diff } : {}) })),
          kept: result.kept,
          moved: result.moved,
          problems: result.problems,
          addedDependencies: result.addedDependencies,
        }, null, 2));
      } else {
        printCatalogChanges(output, result.changes, { dryRun: Boolean(flags.dryRun), root: result.root, moved: result.moved });
        for (const file of result.kept) output.debug(`kept (yours)     ${file}`);
        printSyncProblems(output, result.problems);
        if (result.addedDependencies.length > 0) {
          const verb = flags.dryRun ? 'would add' : 'added';
          output.info(`package.json: ${verb} ${result.addedDependencies.join(', ')}, which the catalog's target uses${flags.dryRun ? '' : '; install it with your package manager'}`);
        }
      }
      if (result.problems.length > 0) context.setExitCode(1);
    });
}
