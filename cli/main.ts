import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { INTERRUPTED_EXIT_CODE, InterruptedError, isUserFacing, OperationError } from './errors.js';
import { interruptedLine } from './interrupt.js';
import { removeLeftoverTempFiles } from './fs/temp-files.js';
import { packageRoot } from './package-root.js';
import { createCommandContext } from './commands/context.js';
import { registerAdd } from './commands/add.js';
import { registerAudit } from './commands/audit.js';
import { registerCheck } from './commands/check.js';
import { registerInit } from './commands/init.js';
import { registerList } from './commands/list.js';
import { registerMigrate } from './commands/migrate.js';
import { registerSync } from './commands/sync.js';
import { Output, wantsColor } from './output/console.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(context = createCommandContext()): Command {
  const program = new Command('faultline')
    .description('Make your code fail well: generate an error-handling kit and migrate legacy try/catch to it.')
    .version(version(), '-V, --version', 'print the version')
    .option('--cwd <dir>', 'run as if started in <dir>')
    .option('--no-color', 'plain output (also: NO_COLOR=1)')
    .option('-q, --quiet', 'print only errors and requested data')
    .option('--verbose', 'print details, and the stack of unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerInit(program, context);
  registerAdd(program, context);
  registerSync(program, context);
  registerCheck(program, context);
  registerMigrate(program, context);
  registerAudit(program, context);
  registerList(program, context);
  return program;
}

/** Removes what an earlier run that was killed outright left, and says so. */
function tidyAfterKilledRuns(argv: string[]): void {
  const removed = removeLeftoverTempFiles();
  if (removed.length === 0 || argv.includes('--quiet') || argv.includes('-q')) return;
  const output = new Output({ color: wantsColor(!argv.includes('--no-color'), process.stderr), quiet: false, verbose: false });
  const shown = removed.slice(0, 3).map((file) => path.relative(process.cwd(), file) || file).join(', ');
  const more = removed.length > 3 ? ` and ${removed.length - 3} more` : '';
  output.warn(`removed ${removed.length === 1 ? 'a temporary file' : `${removed.length} temporary files`} left by a run that was killed: ${shown}${more}`);
}

/** Runs the command line and resolves to the exit code: 0 success, 1 findings or failure, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const context = createCommandContext();
  const program = buildProgram(context);
  try {
    tidyAfterKilledRuns(argv);
    await program.parseAsync(argv, { from: 'user' });
    return context.exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other commander error is a usage mistake it already printed.
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    const verbose = argv.includes('--verbose');
    const output = new Output({ color: wantsColor(!argv.includes('--no-color'), process.stderr), quiet: false, verbose });
    // Ctrl-C at a prompt: the prompt library reads it as a key and gives up.
    if (error instanceof Error && error.name === 'ExitPromptError') {
      process.stderr.write(`${interruptedLine()}\n`);
      return INTERRUPTED_EXIT_CODE;
    }
    if (error instanceof InterruptedError) {
      process.stderr.write(`interrupted: ${error.message}\n`);
      return INTERRUPTED_EXIT_CODE;
    }
    if (isUserFacing(error)) {
      output.error(error.message);
      if (verbose && error.stack) process.stderr.write(error.stack + '\n');
      return error instanceof OperationError ? 1 : 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    output.error(`faultline failed unexpectedly: ${message}${verbose ? '' : ' (run with --verbose for the stack)'}`);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
    return 1;
  }
}
