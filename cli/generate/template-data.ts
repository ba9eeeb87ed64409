import path from 'node:path';
import type { Catalog, CatalogErrorEntry, CatalogTarget, Profile, RunbookNames } from '../catalog/model.js';
import { profileOf } from '../catalog/profile.js';
import { titleFromClassName } from '../catalog/names.js';
import { UsageError } from '../errors.js';
import { markdownTableCell } from '../catalog/markdown-table-cell.js';
import { DEFAULT_RUNBOOK_NAMES, runbookFileName, runbookPageName } from '../catalog/runbook-names.js';

/**
 * The data every kit template is rendered with. Templates make no decisions:
 * everything that varies by project is computed here, before rendering.
 */
export interface TemplateError {
  /** Class name, always ending in `Error`, e.g. `NotFoundError`. */
  name: string;
  /** Stable UPPER_SNAKE_CASE code, e.g. `NOT_FOUND`. */
  code: string;
  status: number;
  category: string;
  retryable: boolean;
  severity: 'fatal' | 'error' | 'warning' | 'info';
  /** Safe to show users. */
  message: string;
  /** For operators. */
  description: string;
  /** Human title for problem details and docs, e.g. `Not Found`. */
  title: string;
  /** `message` as a string literal (quotes and escapes included), ready to paste into code. */
  messageLiteral: string;
  /** `title` as a string literal. */
  titleLiteral: string;
  /** Runbook file name relative to the runbook dir, e.g. `NOT_FOUND.md` or `not-found.md`. */
  runbookFile: string;
  /** `runbookFile` without `.md`: what problem-details links end in. */
  runbookPage: string;
  /** `message` made safe for a Markdown table cell. */
  messageTableCell: string;
}

export interface TemplateData {
  /** Relative import suffix: `.js` or empty. */
  importSuffix: string;
  framework: 'express' | 'fastify' | 'hono' | 'none';
  logger: 'pino' | 'console' | 'project';
  testRunner: 'vitest' | 'jest' | 'mocha' | 'node:test';
  /** The import line(s) a test file needs for `describe`/`it` (empty for jest's globals). */
  testImports: string;
  /** The kit directory as a relative import path from the kit's test file: `.` beside it, `../../src/errors` from a test folder. */
  kitFromTest: string;
  /** Where the kit's own loggers write: standard error for a CLI, whose stdout is its output. */
  logStream: 'stdout' | 'stderr';
  /** `logStream` in words, for comments. */
  logStreamName: string;
  /** `logStream` as a file descriptor, for pino. */
  logFd: 1 | 2;
  /** False for a library's kit: error classes, normalize and cause handling, and nothing that logs or handles. */
  fullKit: boolean;
  /** For a `project` logger: the statement importing the project's logger as `projectLogger`. */
  projectLoggerImport: string;
  /** For a `project` logger: its module, as the catalog names it. */
  projectLoggerPath: string;
  /** For a `project` logger: the call passing `fields` and `message` in the order its style expects. */
  projectLoggerCall: string;
  /** Base URL for problem `type` links, or empty string when none (types are then `about:blank`). */
  docsBaseUrl: string;
  /** `docsBaseUrl` as a string literal: the schema allows any non-space character in the URL, quotes included. */
  docsBaseUrlLiteral: string;
  /** One line saying the file is derived from the catalog and how to regenerate it. */
  generatedHeader: string;
  errors: TemplateError[];
  /** The catalog errors used by name in kit code and tests. */
  internalError: TemplateError;
  validationError: TemplateError;
  notFoundError: TemplateError;
  /** A retryable catalog error (dependency unavailable) used by the resilience tests. */
  retryableError: TemplateError;
  /**
   * How the kit's tests import each of those errors from the catalog module, under the role's name:
   * `NotFoundError`, or `RecordMissingError as NotFoundError` where the catalog names it otherwise.
   */
  roleImports: Record<'internalError' | 'validationError' | 'notFoundError' | 'retryableError', string>;
  projectName: string;
  catalogFile: string;
  runbookDir: string;
  /** Path from the generated docs pages to the runbook dir, e.g. `runbooks`. */
  runbookDirFromDocs: string;
  /**
   * How the handler turns a code into its runbook page's name for problem-details links. All false
   * for pages named after the code itself, whose links end in the code as they always have.
   */
  runbookPages: { renamed: boolean; kebab: boolean; snake: boolean; camel: boolean; pascal: boolean; names: string; example: string };
}


const testImportsByRunner: Record<TemplateData['testRunner'], string> = {
  vitest: "import { describe, it } from 'vitest';",
  'node:test': "import { describe, it } from 'node:test';",
  jest: '',
  // mocha exports its globals, and importing them keeps linters that do not know mocha's globals content.
  mocha: "import { describe, it } from 'mocha';",
};

/** Everything templates need, computed from the catalog so that templates stay free of decisions. */
export function buildTemplateData(catalog: Catalog, projectName: string, catalogFile: string): TemplateData {
  const { target } = catalog;
  const names = target.runbookNames ?? DEFAULT_RUNBOOK_NAMES;
  const errors = catalog.errors.map((entry) => toTemplateError(entry, names));
  const byCategory = (category: string, fallbackName: string) =>
    errors.find((e) => e.category === category) ?? errors.find((e) => e.name === fallbackName);
  const pick = (category: string, fallbackName: string, status: number) => {
    const found = byCategory(category, fallbackName) ?? errors.find((e) => e.status === status);
    if (!found) {
      throw new UsageError(`the catalog needs an error with category "${category}" (the kit uses it); add one or restore ${fallbackName}`);
    }
    return found;
  };
  const internalError = pick('internal', 'InternalError', 500);
  const retryableError = errors.find((e) => e.category === 'dependency' && e.retryable) ?? errors.find((e) => e.retryable);
  if (!retryableError) throw new UsageError('the catalog needs at least one retryable error (the resilience helpers use it)');
  const validationError = pick('validation', 'ValidationError', 400);
  const notFoundError = pick('not-found', 'NotFoundError', 404);
  const runbookDir = target.runbookDir;
  const docsBaseUrl = (target.docsBaseUrl ?? '').replace(/\/+$/, '');
  const docsDir = runbookDir.includes('/') ? runbookDir.slice(0, runbookDir.lastIndexOf('/')) : '.';
  return {
    importSuffix: target.importSuffix,
    framework: target.framework as TemplateData['framework'],
    logger: target.logger as TemplateData['logger'],
    testRunner: target.testRunner as TemplateData['testRunner'],
    testImports: testImportsByRunner[target.testRunner as TemplateData['testRunner']] ?? '',
    ...logDestination(profileOf(target)),
    fullKit: profileOf(target) !== 'library',
    ...projectLoggerData(target),
    kitFromTest: kitFromTest(target.kitDir, target.testFile),
    docsBaseUrl,
    docsBaseUrlLiteral: codeString(docsBaseUrl),
    generatedHeader: `Generated by faultline from ${catalogFile}. Do not edit: change the catalog and run \`npx faultline sync\`.`,
    errors,
    internalError,
    validationError,
    notFoundError,
    retryableError,
    roleImports: {
      internalError: importAs(internalError.name, 'InternalError'),
      validationError: importAs(validationError.name, 'ValidationError'),
      notFoundError: importAs(notFoundError.name, 'NotFoundError'),
      retryableError: importAs(retryableError.name, 'RetryableError'),
    },
    projectName,
    catalogFile,
    runbookDir,
    runbookDirFromDocs: posixRelative(docsDir, runbookDir),
    runbookPages: {
      renamed: names !== 'CODE',
      kebab: names === 'kebab-case',
      snake: names === 'snake_case',
      camel: names === 'camelCase',
      pascal: names === 'PascalCase',
      names,
      example: runbookPageName('NOT_FOUND', names),
    },
  };
}

function importAs(exported: string, local: string): string {
  return exported === local ? local : `${exported} as ${local}`;
}

function logDestination(profile: Profile): Pick<TemplateData, 'logStream' | 'logStreamName' | 'logFd'> {
  return profile === 'cli'
    ? { logStream: 'stderr', logStreamName: 'standard error', logFd: 2 }
    : { logStream: 'stdout', logStreamName: 'standard output', logFd: 1 };
}

function projectLoggerData(target: CatalogTarget): Pick<TemplateData, 'projectLoggerImport' | 'projectLoggerPath' | 'projectLoggerCall'> {
  const projectLogger = target.projectLogger;
  if (target.logger !== 'project' || !projectLogger) return { projectLoggerImport: '', projectLoggerPath: '', projectLoggerCall: '' };
  const specifier = projectLoggerSpecifier(target.kitDir, projectLogger.path, target.importSuffix);
  const binding = projectLogger.export === 'default' ? 'projectLogger' : `{ ${projectLogger.export} as projectLogger }`;
  return {
    projectLoggerImport: `import ${binding} from '${specifier}';`,
    projectLoggerPath: projectLogger.path,
    projectLoggerCall: {
      'fields-first': 'log.call(target, fields, message);',
      'message-first': 'log.call(target, message, fields);',
      'topic-first': `log.call(target, ${JSON.stringify(path.posix.basename(target.kitDir))}, message, fields);`,
    }[projectLogger.style],
  };
}

/**
 * How a kit module imports the project's logger module: relative to the kit, ending as the
 * target's imports end. TypeScript sources are imported by their emitted name (`.ts` as `.js`,
 * `.mts` as `.mjs`), explicit `.mjs`/`.cjs` files keep their extension, and without a suffix an
 * `index` module is imported by its folder.
 */
export function projectLoggerSpecifier(kitDir: string, loggerPath: string, importSuffix: string): string {
  const explicit = /\.(m|c)[jt]s$/.exec(loggerPath);
  let target: string;
  if (explicit) {
    target = loggerPath.replace(/\.(m|c)[jt]s$/, `.${explicit[1]}js`);
  } else {
    const bare = loggerPath.replace(/\.(ts|tsx|js|jsx)$/, '');
    target = importSuffix === '' ? bare.replace(/\/index$/, '') : `${bare}${importSuffix}`;
  }
  const relative = posixRelative(kitDir.replace(/\/+$/, '') || '.', target);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function toTemplateError(entry: CatalogErrorEntry, names: RunbookNames): TemplateError {
  const title = entry.title ?? titleFromClassName(entry.name);
  return {
    name: entry.name,
    code: entry.code,
    status: entry.status,
    category: entry.category,
    retryable: entry.retryable,
    severity: entry.severity,
    message: entry.message,
    description: entry.description,
    title,
    messageLiteral: codeString(entry.message),
    titleLiteral: codeString(title),
    runbookFile: runbookFileName(entry.code, names),
    runbookPage: runbookPageName(entry.code, names),
    messageTableCell: markdownTableCell(entry.message),
  };
}

/** A single-quoted string literal, valid in both TypeScript and Python. */
function codeString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

function kitFromTest(kitDir: string, testFile: string | undefined): string {
  if (!testFile) return '.';
  const testDir = testFile.includes('/') ? testFile.slice(0, testFile.lastIndexOf('/')) : '.';
  const relative = posixRelative(testDir, kitDir.replace(/\/+$/, ''));
  return relative === '.' || relative.startsWith('../') ? relative : `./${relative}`;
}

function posixRelative(from: string, to: string): string {
  const fromParts = from === '.' ? [] : from.split('/');
  const toParts = to.split('/');
  let shared = 0;
  while (shared < fromParts.length && fromParts[shared] === toParts[shared]) shared++;
  const up = fromParts.slice(shared).map(() => '..');
  return [...up, ...toParts.slice(shared)].join('/') || '.';
}
