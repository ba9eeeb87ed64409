import path from 'node:path';
import type { Command } from 'commander';
import { mergeReports } from '../migrate/merge-reports.js';
import type { MigrateReport } from '../migrate/report.js';
import { failureLines, fileLines, summaryLines } from '../migrate/summary.js';
import type { Output } from '../output/console.js';
import { colorDiff } from '../output/diff.js';
import type { CommandContext } from './context.js';
import { progressDisplay } from '../output/progress.js';
import { readJsonReport } from './read-report.js';
import { UsageError } from '../errors.js';
import type { VerifiedMigrateReport } from '../migrate/verify/run.js';
import { revertedLines, verifySummaryLines } from '../migrate/verify/summary.js';
import { verifyProgressDisplay } from '../output/verify-progress.js';
import { stoppable } from '../interrupt.js';
import { addScanOptions, checkMergeAlone, scanOptionsOf, type ScanFlags } from './scan-options.js';

interface MigrateFlags extends ScanFlags {
  transform?: string;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  verify?: string;
  verifyTimeout?: string;
}

export function registerMigrate(program: Command, context: CommandContext): void {
  const migrate = program
    .command('migrate')
    .description('rewrite legacy try/catch code to use the error kit')
    .argument('[paths...]', 'files, folders or glob patterns (default: the current folder)')
    .option('--transform <ids>', 'only these transforms, comma separated (see `faultline list`)')
    .option('--dry-run', 'print the diff of every file that would change, and write nothing')
    .option('--force', 'write even over files with uncommitted changes')
    .option('--json', 'print the report as JSON')
    .option('--verify <command>', 'run this test command before and after, and leave alone the rewrites that make a test fail')
    .option('--verify-timeout <seconds>', 'end a run of the --verify command after this long, counting it as failing (default 600)');
  addScanOptions(migrate, { only: 'process', insteadOf: 'migrating' })
    .action(async (paths: string[], flags: MigrateFlags, command: Command) => {
      const output = context.output(command);
      if (flags.merge) {
        checkMergeAlone(paths, flags);
        const report = mergeReports(flags.merge.map((file) => readJsonReport<MigrateReport>(path.resolve(context.cwd(command), file), 'faultline migrate --json')));
        printReport(output, report, Boolean(flags.json));
        if (report.files.failed > 0) context.setExitCode(1);
        return;
      }
      if (flags.verify !== undefined) {
        const report = await runVerifiedMigrateCommand(context.cwd(command), paths, flags, output);
        printReport(output, report, Boolean(flags.json));
        if (report.files.failed > 0) context.setExitCode(1);
        return;
      }
      // The engine and its parser are most of the command's code: loaded when a run needs them, so
      // every other command, and --version, starts without reading them.
      const { runMigrate } = await import('../migrate/run.js');
      const progress = progressDisplay(output, { scan: 'scanning', write: 'writing' });
      let report: MigrateReport;
      try {
        report = await stoppable((signal) =>
          runMigrate({
            cwd: context.cwd(command),
            paths,
            transforms: flags.transform?.split(','),
            dryRun: Boolean(flags.dryRun),
            force: Boolean(flags.force),
            ...scanOptionsOf(flags),
            onProgress: progress?.update,
            signal,
          }),
        );
      } finally {
        progress?.stop();
      }
      printReport(output, report, Boolean(flags.json));
      if (report.files.failed > 0) context.setExitCode(1);
    });
}

function printReport(output: Output, report: MigrateReport, json: boolean): void {
  if (json) {
    output.data(JSON.stringify(report, null, 2));
    return;
  }
  const colors = output.colors;
  for (const line of fileLines(report, colors, { listSkipped: output.options.verbose })) output.info(line);
  for (const file of report.changed) if (file.diff) output.data(colorDiff(file.diff, colors));
  for (const line of failureLines(report)) output.error(line);
  for (const warning of report.warnings) output.warn(warning);
  for (const line of summaryLines(report, colors, { verbose: output.options.verbose })) output.info(line);
  if ('verify' in report) {
    const verify = (report as VerifiedMigrateReport).verify;
    for (const line of revertedLines(verify, colors)) output.info(line);
    for (const line of verifySummaryLines(verify, colors)) output.info(line);
  }
}

async function runVerifiedMigrateCommand(cwd: string, paths: string[], flags: MigrateFlags, output: Output): Promise<VerifiedMigrateReport> {
  const { runVerifiedMigrate } = await import('../migrate/verify/run.js');
  const progress = verifyProgressDisplay(output);
  try {
    return await stoppable((signal) =>
      runVerifiedMigrate({
        cwd,
        paths,
        transforms: flags.transform?.split(','),
        dryRun: Boolean(flags.dryRun),
        force: Boolean(flags.force),
        ...scanOptionsOf(flags),
        signal,
        verify: { command: flags.verify as string, timeoutMs: parseSeconds(flags.verifyTimeout), onProgress: progress?.update },
      }),
    );
  } finally {
    progress?.stop();
  }
}

function parseSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`invalid --verify-timeout ${JSON.stringify(text)} — give a positive number of seconds`);
  return seconds * 1000;
}
