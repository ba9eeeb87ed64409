import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { mergeReports } from '../migrate/merge-reports.js';
import type { MigrateReport } from '../migrate/report.js';
import { runMigrate } from '../migrate/run.js';
import { parseShard } from '../migrate/shard.js';
import { failureLines, fileLines, summaryLines } from '../migrate/summary.js';
import type { Output } from '../output/console.js';
import { colorDiff } from '../output/diff.js';
import type { CommandContext } from './context.js';
import { progressDisplay } from '../output/progress.js';
import { readJsonReport } from './read-report.js';

interface MigrateFlags {
  transform?: string;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  ignore?: string[];
  shard?: string;
  maxFileSize?: string;
  merge?: string[];
}

export function registerMigrate(program: Command, context: CommandContext): void {
  program
    .command('migrate')
    .description('rewrite legacy try/catch code to use the error kit')
    .argument('[paths...]', 'files, folders or glob patterns (default: the current folder)')
    .option('--transform <ids>', 'only these transforms, comma separated (see `faultline list`)')
    .option('--dry-run', 'print the diff of every file that would change, and write nothing')
    .option('--force', 'write even over files with uncommitted changes')
    .option('--json', 'print the report as JSON')
    .option('--ignore <glob>', 'skip files matching a .gitignore-style pattern (repeatable)', collect, [])
    .option('--shard <i/n>', 'process only the i-th of n deterministic parts of the files (for CI matrices)')
    .option('--max-file-size <size>', 'skip files larger than this (bytes, or e.g. 512k, 4m; default 2m)')
    .option('--merge <reports...>', 'merge the JSON reports of sharded runs into one report instead of migrating')
    .option('--cwd <dir>', 'run as if started in <dir>')
    .action(async (paths: string[], flags: MigrateFlags, command: Command) => {
      const output = context.output(command);
      if (flags.merge) {
        if (paths.length > 0 || flags.shard) throw new UsageError('--merge takes only report files — drop the paths and --shard');
        const report = mergeReports(flags.merge.map((file) => readJsonReport<MigrateReport>(path.resolve(context.cwd(command), file), 'faultline migrate --json')));
        printReport(output, report, Boolean(flags.json));
        if (report.files.failed > 0) context.setExitCode(1);
        return;
      }
      const progress = progressDisplay(output, { scan: 'scanning', write: 'writing' });
      let report: MigrateReport;
      try {
        report = await runMigrate({
          cwd: context.cwd(command),
          paths,
          transforms: flags.transform?.split(','),
          dryRun: Boolean(flags.dryRun),
          force: Boolean(flags.force),
          ignore: flags.ignore,
          shard: flags.shard === undefined ? undefined : parseShard(flags.shard),
          maxFileSize: flags.maxFileSize === undefined ? undefined : parseSize(flags.maxFileSize),
          onProgress: progress?.update,
        });
      } finally {
        progress?.stop();
      }
      printReport(output, report, Boolean(flags.json));
      if (report.files.failed > 0) context.setExitCode(1);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
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
  for (const line of summaryLines(report, colors)) output.info(line);
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 * 1024, mb: 1024 * 1024 };

export function parseSize(text: string): number {
  const match = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? SIZE_UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  const bytes = match && unit ? Number(match[1]) * unit : NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`invalid --max-file-size ${JSON.stringify(text)} — give bytes or a size like 512k or 4m`);
  return bytes;
}
