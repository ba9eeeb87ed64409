import path from 'node:path';
import type { Command } from 'commander';
import { mergeAuditReports } from '../audit/merge.js';
import { ownPackageJson } from '../audit/own-package.js';
import type { AuditReport } from '../audit/report.js';
import { failureLines, findingLines, summaryLines } from '../audit/format-text.js';
import { toSarif } from '../audit/format-sarif.js';
import { failsThreshold, parseFailOn } from '../audit/threshold.js';
import { UsageError } from '../errors.js';
import type { Output } from '../output/console.js';
import type { CommandContext } from './context.js';
import { progressDisplay } from '../output/progress.js';
import { readJsonReport } from './read-report.js';
import { addScanOptions, checkMergeAlone, scanOptionsOf, type ScanFlags } from './scan-options.js';

type Format = 'text' | 'json' | 'sarif';

interface AuditFlags extends ScanFlags {
  format?: string;
  json?: boolean;
  failOn?: string;
}

export function registerAudit(program: Command, context: CommandContext): void {
  const audit = program
    .command('audit')
    .description('report weak error handling: what migrate can fix and what needs a person')
    .argument('[paths...]', 'files, folders or glob patterns (default: the current folder)')
    .option('--format <format>', 'text, json or sarif', 'text')
    .option('--json', 'same as --format json')
    .option('--fail-on <level>', 'exit 1 when there are findings at or above this level (error or warning), or files that could not be audited');
  addScanOptions(audit, { only: 'audit', insteadOf: 'auditing' })
    .action(async (paths: string[], flags: AuditFlags, command: Command) => {
      const output = context.output(command);
      const format = flags.json ? 'json' : parseFormat(flags.format ?? 'text');
      const failOn = flags.failOn === undefined ? undefined : parseFailOn(flags.failOn);
      let report: AuditReport;
      if (flags.merge) {
        checkMergeAlone(paths, flags);
        report = mergeAuditReports(flags.merge.map((file) => readJsonReport<AuditReport>(path.resolve(context.cwd(command), file), 'faultline audit --format json')));
      } else {
        // Loaded on use, as in `migrate`: the engine and its parser are most of the command's code.
        const { runAudit } = await import('../audit/run.js');
        const progress = progressDisplay(output, { scan: 'auditing', write: 'writing' });
        try {
          report = await runAudit({
            cwd: context.cwd(command),
            paths,
            ...scanOptionsOf(flags),
            onProgress: progress?.update,
          });
        } finally {
          progress?.stop();
        }
      }
      printReport(output, report, format);
      if (failOn !== undefined && failsThreshold(report, failOn)) context.setExitCode(1);
    });
}

function parseFormat(text: string): Format {
  const format = text.trim().toLowerCase();
  if (format === 'text' || format === 'json' || format === 'sarif') return format;
  throw new UsageError(`invalid --format ${JSON.stringify(text)} — use text, json or sarif`);
}

function printReport(output: Output, report: AuditReport, format: Format): void {
  for (const warning of report.warnings) output.warn(warning);
  if (format === 'json') {
    output.data(JSON.stringify(report, null, 2));
    return;
  }
  if (format === 'sarif') {
    output.data(JSON.stringify(toSarif(report, { repository: ownPackageJson().repository }), null, 2));
    return;
  }
  const colors = output.colors;
  const findings = findingLines(report, colors);
  if (findings.length > 0) output.data(findings.join('\n'));
  for (const line of failureLines(report)) output.error(line);
  if (findings.length > 0) output.info('');
  for (const line of summaryLines(report, colors)) output.info(line);
}
