import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogTarget } from '../../catalog/model.js';
import { CATALOG_FILE, parseCatalog } from '../../catalog/load.js';
import { UsageError } from '../../errors.js';
import { DEFAULT_RUNBOOK_NAMES } from '../../catalog/runbook-names.js';
import { namingFromProjectFiles, projectMarkdownFiles } from '../../project/file-naming.js';
import { catalogForInit, writeInitFiles } from '../init-files.js';
import { detectPythonProject, looksLikePythonProject, type PythonProjectInfo } from '../../project/python/detect.js';
import { checkProjectRelativeDir, normalizeDir, explicitTarget, type InitAnswers, type InitOptions, type InitResult } from '../init.js';
import { PYTHON_FRAMEWORKS, PYTHON_TEST_RUNNERS, pythonKitTestCommand } from './plan.js';
import { renderCatalogFiles } from '../render-catalog-files.js';
import { planRuffExclusion } from './ruff-exclusion.js';

/** The answers `init --yes` takes for a Python project. */
export interface PythonInitDefaults {
  framework: PythonProjectInfo['framework'];
  testRunner: PythonProjectInfo['testRunner'];
  kitDir: string;
  runbookDir: string;
}

/**
 * Whether `init` generates the Python kit: when asked to (`--language python`), when the
 * project's catalog already targets Python, or when nothing was asked and the project has Python
 * packaging files and no package.json.
 */
export function isPythonInit(root: string, answers: InitAnswers): boolean {
  if (answers.language !== undefined) return answers.language === 'python';
  const catalogPath = path.join(root, CATALOG_FILE);
  if (existsSync(catalogPath)) return parseCatalog(readFileSync(catalogPath, 'utf8'), catalogPath).target.language === 'python';
  return looksLikePythonProject(root);
}

export function inspectPythonProject(root: string): PythonProjectInfo {
  return detectPythonProject(root);
}

export function defaultPythonAnswers(project: PythonProjectInfo): PythonInitDefaults {
  return { framework: project.framework, testRunner: project.testRunner, kitDir: project.kitDir, runbookDir: 'docs/runbooks' };
}

/** `init` for a Python project: the catalog, the kit under the project's package, the runbooks, and the kit's folder in ruff's exclusions. */
export async function runPythonInit(options: InitOptions, project?: PythonProjectInfo): Promise<InitResult> {
  const root = path.resolve(options.root);
  const info = project ?? detectPythonProject(root);
  const target = resolvePythonTarget(info, options.answers);
  const { catalog, file: catalogFile } = catalogForInit(root, explicitTarget(options.answers), target);

  const rendered = await renderCatalogFiles(catalog, root, info.name);
  const ruff = info.formatters.includes('ruff') ? planRuffExclusion(root, catalog.target.kitDir) : undefined;
  const { changes, conflicts, written } = await writeInitFiles(root, [catalogFile, ...rendered, ...(ruff?.file ? [ruff.file] : [])], options);
  return {
    root,
    target: catalog.target,
    changes,
    written,
    conflicts,
    testCommand: pythonKitTestCommand(catalog.target, importRootFor(catalog.target.kitDir, info)),
    installNeeded: false,
    packageManager: 'pip',
    notes: [...loggerNotes(catalog.target), ...(ruff ? [ruff.note] : []), ...formatterNotes(info, catalog.target, ruff?.file !== undefined)],
  };
}

/** Merges answers over detection; Python targets have no module system, so those fields keep neutral values. */
export function resolvePythonTarget(project: PythonProjectInfo, answers: InitAnswers): CatalogTarget {
  const defaults = defaultPythonAnswers(project);
  const framework = answers.framework ?? defaults.framework;
  const testRunner = answers.testRunner ?? defaults.testRunner;
  if (!(PYTHON_FRAMEWORKS as readonly string[]).includes(framework)) {
    throw new UsageError(`--framework ${framework} is not a Python framework — use one of ${PYTHON_FRAMEWORKS.join(', ')}`);
  }
  if (!(PYTHON_TEST_RUNNERS as readonly string[]).includes(testRunner)) {
    throw new UsageError(`--test-runner ${testRunner} is not a Python test runner — use one of ${PYTHON_TEST_RUNNERS.join(', ')}`);
  }
  if (answers.logger !== undefined && answers.logger !== 'console' && !(answers.logger === 'project' && project.projectLogger)) {
    throw new UsageError(
      `--logger ${answers.logger} is not available for Python — the kit logs through the standard library's logging (console)${project.projectLogger ? ' or the logging your project sets up (project)' : ''}; leave --logger out`,
    );
  }
  const logger = answers.logger ?? (project.projectLogger ? 'project' : 'console');
  if (answers.moduleSystem !== undefined) {
    throw new UsageError('--module applies to JavaScript and TypeScript only; leave it out for a Python project');
  }
  const kitDir = answers.kitDir ?? defaults.kitDir;
  const runbookDir = answers.runbookDir ?? defaults.runbookDir;
  for (const [name, dir] of [['kit directory', kitDir], ['runbook directory', runbookDir]] as const) {
    checkProjectRelativeDir(project.root, name, dir);
  }
  if (answers.docsBaseUrl && !/^https?:\/\/\S+$/.test(answers.docsBaseUrl)) {
    throw new UsageError(`--docs-base-url must be an http(s) URL, got "${answers.docsBaseUrl}"`);
  }
  // Python module names are snake_case by the language's rule, so only the project's Markdown speaks.
  const runbookNames = answers.runbookNames
    ?? namingFromProjectFiles(projectMarkdownFiles(project.root, [normalizeDir(kitDir), normalizeDir(runbookDir)]), [])?.names
    ?? DEFAULT_RUNBOOK_NAMES;
  return {
    language: 'python',
    moduleSystem: 'esm',
    importSuffix: '',
    kitDir: normalizeDir(kitDir),
    runbookDir: normalizeDir(runbookDir),
    ...(runbookNames === DEFAULT_RUNBOOK_NAMES ? {} : { runbookNames }),
    framework,
    logger,
    ...(logger === 'project' && project.projectLogger
      ? { projectLogger: { path: project.projectLogger.path, export: project.projectLogger.kind, style: 'message-first' as const } }
      : {}),
    testRunner,
    profile: answers.profile ?? project.profile,
    docsBaseUrl: answers.docsBaseUrl || null,
  };
}

/**
 * Where the kit's top-level package is imported from: the detected import root (`src`) when the
 * kit is under it, else the folder above the kit's chain of packages (folders with an `__init__.py`).
 */
function importRootFor(kitDir: string, project: PythonProjectInfo): string {
  if (project.importRoot !== '.' && kitDir.startsWith(`${project.importRoot}/`)) return project.importRoot;
  const parts = kitDir.split('/');
  let top = parts.length - 1;
  while (top > 0 && existsSync(path.join(project.root, ...parts.slice(0, top), '__init__.py'))) top--;
  return top === 0 ? '.' : parts.slice(0, top).join('/');
}

function loggerNotes(target: CatalogTarget): string[] {
  const found = target.logger === 'project' ? target.projectLogger : undefined;
  if (!found) return [];
  if (found.export === 'logging') {
    return [`${found.path} sets up the project's logging: the kit logs through it (its logger propagates there, secrets redacted), so do not call configure_logging() (choose another with --logger console).`];
  }
  return [`Your code logs with ${found.export} (${found.path}): the kit writes its records through it, secrets redacted (choose another with --logger console).`];
}

function formatterNotes(project: PythonProjectInfo, target: CatalogTarget, ruffExcludes: boolean): string[] {
  return project.formatters.filter((formatter) => !(formatter === 'ruff' && ruffExcludes)).map(
    (formatter) =>
      `${formatter} is configured: the kit is written already formatted (PEP 8). Keep ${target.kitDir} out of ${formatter === 'ruff' ? '`ruff format` (extend-exclude)' : 'black (extend-exclude)'}, or \`faultline check\` will see the generated files as changed.`,
  );
}
