import { Option, type Command } from 'commander';
import type { Severity } from '../catalog/model.js';
import { DEFAULT_STATUS, parseHttpStatus, SEVERITIES, suggestedFields, validateCategory, validateMessage, type NewErrorInput } from '../catalog/new-error.js';
import { UsageError } from '../errors.js';
import type { CommandContext } from './context.js';
import { printCatalogChanges, printSyncProblems } from './print-catalog-changes.js';

interface AddErrorFlags {
  code?: string;
  status?: string;
  category?: string;
  retryable?: boolean;
  severity?: Severity;
  message?: string;
  description?: string;
  dryRun?: boolean;
  json?: boolean;
}

export function registerAdd(program: Command, context: CommandContext): void {
  const add = program.command('add').description('add to the catalog and regenerate everything derived from it');
  add
    .command('error')
    .description('add one error to the catalog, the kit and the runbooks')
    .argument('<name>', 'class name in PascalCase, like PaymentDeclined ("Error" is appended when missing)')
    .option('--code <code>', 'stable UPPER_SNAKE_CASE code (default: derived from the name, PaymentDeclined → PAYMENT_DECLINED)')
    .option('--status <status>', `HTTP status from 400 to 599 (default: ${DEFAULT_STATUS})`)
    .option('--category <category>', 'kebab-case family, like payment (default: follows the status)')
    .option('--retryable', 'trying again may succeed (default: yes for 408, 429, 502, 503, 504)')
    .option('--no-retryable', 'trying again will not help')
    .addOption(new Option('--severity <level>', 'log level (default: warning for 4xx, error for 5xx)').choices([...SEVERITIES]))
    .option('--message <text>', 'one line that is safe to show users')
    .option('--description <text>', 'for operators: what happened and why it usually happens')
    .option('--dry-run', 'show what would change, with diffs, and write nothing')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, flags: AddErrorFlags, command: Command) => {
      const output = context.output(command);
      const root = context.cwd(command);
      const error: NewErrorInput = {
        name,
        code: flags.code,
        status: flags.status === undefined ? undefined : parseHttpStatus(flags.status),
        category: flags.category,
        retryable: flags.retryable,
        severity: flags.severity,
        message: flags.message,
        description: flags.description,
      };
      const { resolveNewError, runAddError } = await import('../generate/add-error.js');
      const resolved = resolveNewError(root, error);
      if (!flags.json && context.interactive()) Object.assign(error, await askMissing(error, resolved));

      const result = await runAddError({ root, error, dryRun: Boolean(flags.dryRun) });

      if (flags.json) {
        output.data(JSON.stringify({
          root: result.root,
          catalog: result.catalogFile,
          error: result.entry,
          written: result.written,
          files: result.changes.map((c) => ({ path: c.path, status: c.status, ...(flags.dryRun ? { diff: c.diff } : {}) })),
          moved: result.moved,
          problems: result.problems,
        }, null, 2));
      } else {
        printCatalogChanges(output, result.changes, { dryRun: Boolean(flags.dryRun), root: result.root, moved: result.moved });
        const { entry } = result;
        const verb = result.written ? 'Added' : 'Would add';
        output.info(`${verb} ${entry.name} (${entry.code}, ${entry.status}) to ${result.catalogFile}.`);
        const page = result.changes.find((c) => c.path === result.runbookPage);
        if (result.written && page) output.info(`Next: fill in ${page.path} with what your team knows about ${entry.code}.`);
        printSyncProblems(output, result.problems);
      }
      if (result.problems.length > 0) context.setExitCode(1);
    });
}

/** Asks only what no flag answered; each default follows from the status chosen first. */
async function askMissing(given: NewErrorInput, resolved: { name: string; code: string }): Promise<Partial<NewErrorInput>> {
  const { confirm, input, select } = await import('@inquirer/prompts');
  const asked: Partial<NewErrorInput> = {};
  const status =
    given.status ??
    parseHttpStatus(
      await input({ message: `HTTP status of ${resolved.name}`, default: String(DEFAULT_STATUS), validate: (value) => validity(() => parseHttpStatus(value)) }),
    );
  asked.status = status;
  const suggested = suggestedFields(resolved.name, resolved.code, status);
  if (given.category === undefined) {
    asked.category = await input({ message: 'Category (kebab-case)', default: suggested.category, validate: (value) => validity(() => validateCategory(value.trim())) });
  }
  if (given.retryable === undefined) {
    asked.retryable = await confirm({ message: 'Can trying again succeed (retryable)?', default: suggested.retryable });
  }
  if (given.severity === undefined) {
    asked.severity = await select({ message: 'Severity', default: suggested.severity, choices: SEVERITIES.map((value) => ({ value, name: value })) });
  }
  if (given.message === undefined) {
    asked.message = await input({ message: 'Public message (safe to show users)', default: suggested.message, validate: (value) => validity(() => validateMessage(value.trim())) });
  }
  if (given.description === undefined) {
    asked.description = await input({ message: 'Description for operators', default: suggested.description, validate: (value) => (value.trim() ? true : 'give a description') });
  }
  return asked;
}

/** Turns a validator's UsageError into the text a prompt shows under the input. */
function validity(validate: () => unknown): true | string {
  try {
    validate();
    return true;
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
}
