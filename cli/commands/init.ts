import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { CATALOG_FILE } from '../catalog/load.js';
import { UsageError } from '../errors.js';
import type { Language } from '../catalog/model.js';
import type { InitAnswers } from '../generate/init.js';
import type { ProjectInfo } from '../project/detect.js';
import type { PythonProjectInfo } from '../project/python/detect.js';
import type { CommandContext } from './context.js';
import { printChanges } from './print-changes.js';

interface InitFlags {
  dir?: string;
  yes?: boolean;
  language?: 'typescript' | 'javascript' | 'python' | 'ts' | 'js' | 'py';
  module?: 'esm' | 'cjs';
  framework?: InitAnswers['framework'];
  logger?: InitAnswers['logger'];
  testRunner?: InitAnswers['testRunner'];
  profile?: InitAnswers['profile'];
  kitDir?: string;
  runbookDir?: string;
  runbookNames?: InitAnswers['runbookNames'];
  docsBaseUrl?: string;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
}

export function registerInit(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description('scaffold the error-handling kit into a new or existing project')
    .argument('[dir]', 'project directory (default: the current directory)')
    .option('--dir <dir>', 'project directory (same as the argument)')
    .option('-y, --yes', 'accept the detected defaults without asking')
    .addOption(new Option('--language <language>', 'language of the kit').choices(['typescript', 'javascript', 'python', 'ts', 'js', 'py']))
    .addOption(new Option('--module <system>', 'module system of the kit').choices(['esm', 'cjs']))
    .addOption(new Option('--framework <name>', 'web framework adapter').choices(['express', 'fastify', 'hono', 'fastapi', 'flask', 'none']))
    .addOption(new Option('--logger <name>', "logger behind the kit (project: the project's own logger module)").choices(['pino', 'console', 'project']))
    .addOption(new Option('--test-runner <name>', 'runner for the kit tests').choices(['vitest', 'jest', 'mocha', 'node:test', 'pytest', 'unittest']))
    .addOption(new Option('--profile <kind>', 'what the project is: a service, a command-line tool or a library').choices(['service', 'cli', 'library']))
    .option('--kit-dir <path>', 'where the kit goes, relative to the project')
    .option('--runbook-dir <path>', 'where runbook pages go, relative to the project')
    .addOption(new Option('--runbook-names <case>', 'how runbook pages are named: NOT_FOUND.md, not-found.md, not_found.md, notFound.md or NotFound.md').choices(['CODE', 'kebab-case', 'snake_case', 'camelCase', 'PascalCase']))
    .option('--docs-base-url <url>', 'base URL of the published runbooks, used in problem `type` links')
    .option('--dry-run', 'show what would be written, with diffs, and write nothing')
    .option('--force', 'overwrite files that differ from what faultline would write')
    .option('--json', 'print the result as JSON')
    .action(async (dirArgument: string | undefined, flags: InitFlags, command: Command) => {
      const output = context.output(command);
      if (dirArgument && flags.dir && path.resolve(dirArgument) !== path.resolve(flags.dir)) {
        throw new UsageError(`two different directories given ("${dirArgument}" and --dir "${flags.dir}"); give one`);
      }
      const root = path.resolve(context.cwd(command), flags.dir ?? dirArgument ?? '.');
      if (existsSync(root) && !statSync(root).isDirectory()) {
        throw new UsageError(`${root} is a file, not a directory; give a project directory`);
      }
      // The generator loads only when a command generates: the other commands never need it.
      const [{ defaultAnswers, inspectProject, runInit }, { inspectPythonProject, isPythonInit, runPythonInit }] = await Promise.all([
        import('../generate/init.js'),
        import('../generate/python/init.js'),
      ]);
      const answers = flagsToAnswers(flags);
      const interactive = !flags.yes && !flags.json && context.interactive() && !existsSync(path.join(root, CATALOG_FILE));
      if (interactive && !answers.language) {
        const detected = isPythonInit(root, answers) ? 'python' : defaultAnswers(await inspectProject(root)).language;
        answers.language = await askLanguage(detected);
      }
      const options = { root, answers, dryRun: Boolean(flags.dryRun), force: Boolean(flags.force) };
      let result;
      if (isPythonInit(root, answers)) {
        const project = inspectPythonProject(root);
        if (interactive) Object.assign(answers, await askMissingPython(project, answers));
        result = await runPythonInit(options, project);
      } else {
        const project = await inspectProject(root);
        if (interactive) Object.assign(answers, await askMissing(project, answers));
        result = await runInit(options, project);
      }

      if (flags.json) {
        output.data(JSON.stringify({
          root: result.root,
          target: result.target,
          written: result.written,
          files: result.changes.map((c) => ({ path: c.path, status: c.status, ...(flags.dryRun ? { diff: c.diff } : {}) })),
        }, null, 2));
      } else {
        printChanges(output, result.changes, { dryRun: Boolean(flags.dryRun), root: result.root });
        if ((result.notes ?? []).length > 0) output.info('');
        for (const note of result.notes ?? []) output.info(note);
        if (result.written) {
          const pm = result.packageManager;
          output.info('');
          output.info(output.colors.bold('Next steps:'));
          if (result.installNeeded) output.info(`  ${pm} install`);
          if (result.target.language === 'python') output.info(`  ${result.testCommand}`);
          else output.info(`  ${pm === 'npm' ? 'npm run' : pm} test:errors    # ${result.testCommand}`);
          output.info(`  edit ${CATALOG_FILE} to shape your error catalog`);
        }
      }
      if (result.conflicts.length > 0) {
        if (!flags.json) {
          output.error(`${result.conflicts.length} file(s) differ from what faultline would write and were left alone; nothing was written. Review with --dry-run, then re-run with --force to overwrite them.`);
        }
        context.setExitCode(1);
      }
    });
}

function flagsToAnswers(flags: InitFlags): InitAnswers {
  const aliases = { ts: 'typescript', js: 'javascript', py: 'python' } as const;
  const language = flags.language === 'ts' || flags.language === 'js' || flags.language === 'py' ? aliases[flags.language] : flags.language;
  return {
    language,
    moduleSystem: flags.module,
    framework: flags.framework,
    logger: flags.logger,
    testRunner: flags.testRunner,
    profile: flags.profile,
    kitDir: flags.kitDir,
    runbookDir: flags.runbookDir,
    runbookNames: flags.runbookNames,
    docsBaseUrl: flags.docsBaseUrl,
  };
}

async function askLanguage(detected: Language): Promise<Language> {
  const { select } = await import('@inquirer/prompts');
  return select({
    message: 'Language of the kit',
    default: detected,
    choices: [
      { value: 'typescript' as const, name: 'TypeScript' },
      { value: 'javascript' as const, name: 'JavaScript (JSDoc types)' },
      { value: 'python' as const, name: 'Python (standard library only)' },
    ],
  });
}

/** The Python questions no flag answered, offering what was detected as the default. */
async function askMissingPython(project: PythonProjectInfo, answers: InitAnswers): Promise<InitAnswers> {
  const { select, input } = await import('@inquirer/prompts');
  const { defaultPythonAnswers } = await import('../generate/python/init.js');
  const defaults = defaultPythonAnswers(project);
  const asked: InitAnswers = {};
  if (!answers.framework) {
    asked.framework = await select({
      message: 'Web framework adapter',
      default: defaults.framework,
      choices: (['fastapi', 'flask', 'none'] as const).map((value) => ({ value, name: value })),
    });
  }
  if (!answers.testRunner) {
    asked.testRunner = await select({
      message: 'Test runner for the kit tests',
      default: defaults.testRunner,
      choices: [{ value: 'pytest' as const, name: 'pytest' }, { value: 'unittest' as const, name: 'unittest' }],
    });
  }
  const { docsBaseUrlAnswer, projectFolderAnswer } = await import('./prompt-answers.js');
  if (!answers.kitDir) asked.kitDir = await input({ message: 'Where should the kit go?', default: defaults.kitDir, validate: projectFolderAnswer(project.root, 'kit directory') });
  if (answers.docsBaseUrl === undefined) {
    const url = await input({ message: 'Base URL of your published runbooks (empty for none)', default: '', validate: docsBaseUrlAnswer });
    asked.docsBaseUrl = url.trim() || null;
  }
  return asked;
}

/** Asks only what no flag answered, offering what was detected as the default. */
async function askMissing(project: ProjectInfo, answers: InitAnswers): Promise<InitAnswers> {
  const { select, input } = await import('@inquirer/prompts');
  const { defaultAnswers } = await import('../generate/init.js');
  const defaults = defaultAnswers(project);
  const asked: InitAnswers = {};
  if (!answers.profile) {
    asked.profile = await select({
      message: 'What is this project?',
      default: defaults.profile,
      choices: [
        { value: 'service' as const, name: 'a service (answers requests; logs on stdout)' },
        { value: 'cli' as const, name: 'a command-line tool (stdout is its output; logs go to stderr)' },
        { value: 'library' as const, name: 'a library (error classes and causes only; no logger, no handler)' },
      ],
    });
  }
  if (!answers.moduleSystem) {
    asked.moduleSystem = await select({
      message: 'Module system',
      default: defaults.moduleSystem,
      choices: [{ value: 'esm' as const, name: 'ES modules (import)' }, { value: 'cjs' as const, name: 'CommonJS (require)' }],
    });
  }
  if (!answers.framework) {
    asked.framework = await select({
      message: 'Web framework adapter',
      default: defaults.framework,
      choices: (['express', 'fastify', 'hono', 'none'] as const).map((value) => ({ value, name: value })),
    });
  }
  if (!answers.logger && (answers.profile ?? asked.profile) !== 'library') {
    const own = project.projectLogger;
    asked.logger = await select({
      message: 'Logger',
      default: defaults.logger,
      choices: [
        ...(own ? [{ value: 'project' as const, name: `your logger in ${own.path} (imported by ${own.importers} files)` }] : []),
        { value: 'pino' as const, name: 'pino' },
        { value: 'console' as const, name: 'console (JSON lines, no dependency)' },
      ],
    });
  }
  if (!answers.testRunner) {
    asked.testRunner = await select({
      message: 'Test runner for the kit tests',
      default: defaults.testRunner,
      choices: (['vitest', 'jest', 'mocha', 'node:test'] as const).map((value) => ({ value, name: value })),
    });
  }
  const { docsBaseUrlAnswer, projectFolderAnswer } = await import('./prompt-answers.js');
  if (!answers.kitDir) asked.kitDir = await input({ message: 'Where should the kit go?', default: defaults.kitDir, validate: projectFolderAnswer(project.root, 'kit directory') });
  if (answers.docsBaseUrl === undefined) {
    const url = await input({ message: 'Base URL of your published runbooks (empty for none)', default: '', validate: docsBaseUrlAnswer });
    asked.docsBaseUrl = url.trim() || null;
  }
  return asked;
}
