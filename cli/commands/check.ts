import type { Command } from 'commander';
import type { CheckFinding } from '../generate/check.js';
import type { Output } from '../output/console.js';
import type { CommandContext } from './context.js';

interface CheckFlags {
  json?: boolean;
}

export function registerCheck(program: Command, context: CommandContext): void {
  program
    .command('check')
    .description('verify that catalog, generated code and runbooks agree; exit 1 with what to run when they do not')
    .option('--json', 'print { ok, findings: [{ kind, severity, file, message, fix }] } for CI')
    .action(async (flags: CheckFlags, command: Command) => {
      const output = context.output(command);
      const { runCheck, SYNC_COMMAND } = await import('../generate/check.js');
      const result = await runCheck(context.cwd(command));
      if (flags.json) {
        output.data(JSON.stringify({ ok: result.ok, findings: result.findings }, null, 2));
      } else {
        printFindings(output, result.findings);
        const errors = result.findings.filter((f) => f.severity === 'error').length;
        const warnings = result.findings.length - errors;
        const warned = warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : '';
        if (result.ok) {
          output.info(`catalog, generated code and runbooks agree: ${result.checkedFiles} files checked${warned}`);
        } else {
          const syncFixes = result.findings.some((f) => f.severity === 'error' && f.fix === SYNC_COMMAND);
          output.info(`${errors} problem${errors === 1 ? '' : 's'} found${warned}${syncFixes ? `; \`${SYNC_COMMAND}\` fixes the generated files` : ''}`);
        }
      }
      if (!result.ok) context.setExitCode(1);
    });
}

function printFindings(output: Output, findings: CheckFinding[]): void {
  const c = output.colors;
  for (const finding of findings) {
    const label = finding.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    const where = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}:${finding.column}`;
    output.data(`${label} ${c.bold(where)}: ${finding.message}\n        ${c.dim('fix:')} ${finding.fix}`);
  }
}
