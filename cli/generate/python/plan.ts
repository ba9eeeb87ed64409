import type { Catalog, CatalogTarget } from '../../catalog/model.js';
import { profileOf } from '../../catalog/profile.js';
import { UsageError } from '../../errors.js';
import type { PlannedFile } from '../kit-plan.js';
import { planDocs } from '../kit-plan.js';
import { buildPythonTemplateData } from './template-data.js';

export const PYTHON_FRAMEWORKS = ['fastapi', 'flask', 'none'] as const;
export const PYTHON_TEST_RUNNERS = ['pytest', 'unittest'] as const;
/** What `target.projectLogger.export` names for a Python project's own logging. */
export const PYTHON_PROJECT_LOGGERS = ['logging', 'structlog', 'loguru'] as const;

/** The kit's modules: template name (without `.py.hbs`, relative to `templates/python/kit/`) and whether the user owns the result. */
const pythonModules: Array<{ name: string; owned?: boolean }> = [
  { name: '__init__' },
  { name: 'app_error' },
  { name: 'catalog' },
  { name: 'normalize' },
  { name: 'context' },
  { name: 'logging_config', owned: true },
  { name: 'handler', owned: true },
  { name: 'process_handlers' },
  { name: 'resilience/__init__' },
  { name: 'resilience/hooks' },
  { name: 'resilience/retry' },
  { name: 'resilience/timeout' },
  { name: 'resilience/circuit_breaker' },
  { name: 'resilience/fallback' },
  { name: 'test_kit' },
];

/** What a library's kit consists of: its errors, normalize and their tests. */
const libraryModules = new Set(['__init__', 'app_error', 'catalog', 'normalize', 'test_kit']);

/**
 * Every file `init`, `sync` and `check` derive from a catalog whose target is Python: the kit as
 * a subpackage of the project's package (standard library only), its unittest tests, the
 * framework adapter when there is one, and the same runbook pages as every other target.
 */
export function planPythonFiles(catalog: Catalog): PlannedFile[] {
  const { target } = catalog;
  checkPythonTarget(target);
  const kitDir = target.kitDir.replace(/\/+$/, '');
  const data = { ...buildPythonTemplateData(catalog) };
  const module = (name: string, owned = false): PlannedFile => ({
    template: `python/kit/${name}.py.hbs`,
    path: `${kitDir}/${name}.py`,
    kind: owned ? 'owned' : 'derived',
    format: 'python',
    data,
  });

  if (profileOf(target) === 'library') {
    // A library keeps its public contract: its errors, normalize and causes, and nothing that logs,
    // handles requests or installs process handlers on behalf of the application using it.
    const files = pythonModules.filter((m) => libraryModules.has(m.name)).map((m) => module(m.name, m.owned));
    return [...files, ...planDocs(catalog)];
  }
  const files = pythonModules.map((m) => module(m.name, m.owned));
  if (target.framework !== 'none') files.push(module('http/__init__'), module(`http/${target.framework}`));
  return [...files, ...planDocs(catalog)];
}

/** The command that runs the kit's tests from the project root; `importRoot` is where the kit's top-level package lives. */
export function pythonKitTestCommand(target: CatalogTarget, importRoot: string): string {
  const kitDir = target.kitDir.replace(/\/+$/, '');
  if (target.testRunner === 'pytest') return `python -m pytest ${kitDir}`;
  return `python -m unittest discover -s ${kitDir} -t ${importRoot || '.'}`;
}

/** A Python target must name Python choices and a kit directory that can be imported as a package. */
export function checkPythonTarget(target: CatalogTarget): void {
  if (!(PYTHON_FRAMEWORKS as readonly string[]).includes(target.framework)) {
    throw new UsageError(
      `target.framework "${target.framework}" is not a Python framework — use one of ${PYTHON_FRAMEWORKS.join(', ')} in the catalog`,
    );
  }
  if (!(PYTHON_TEST_RUNNERS as readonly string[]).includes(target.testRunner)) {
    throw new UsageError(
      `target.testRunner "${target.testRunner}" is not a Python test runner — use one of ${PYTHON_TEST_RUNNERS.join(', ')} in the catalog`,
    );
  }
  if (target.logger === 'project') {
    const kind = target.projectLogger?.export ?? '';
    if (!(PYTHON_PROJECT_LOGGERS as readonly string[]).includes(kind)) {
      throw new UsageError(
        `target.projectLogger.export "${kind}" is not a Python logging setup — use one of ${PYTHON_PROJECT_LOGGERS.join(', ')}, or set target.logger to "console"`,
      );
    }
  } else if (target.logger !== 'console') {
    throw new UsageError(`target.logger "${target.logger}" is not available for Python — use "console" (the standard library's logging) or "project"`);
  }
  const folder = target.kitDir.replace(/\/+$/, '').split('/').pop() ?? '';
  if (!isPythonIdentifier(folder)) {
    throw new UsageError(
      `target.kitDir "${target.kitDir}" must end in a folder whose name is a Python identifier (like errors), so the kit can be imported`,
    );
  }
}

/** A JavaScript/TypeScript target naming a Python framework or test runner would render templates that do not exist. */
export function rejectPythonChoices(target: CatalogTarget): void {
  const pythonOnly = (PYTHON_FRAMEWORKS as readonly string[]).includes(target.framework) && target.framework !== 'none'
    ? `framework "${target.framework}"`
    : (PYTHON_TEST_RUNNERS as readonly string[]).includes(target.testRunner)
      ? `test runner "${target.testRunner}"`
      : undefined;
  if (pythonOnly) {
    throw new UsageError(
      `the catalog targets ${target.language} but names the Python ${pythonOnly} — set target.language to "python", or choose a ${target.language} one`,
    );
  }
}

const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

export function isPythonIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name);
}
