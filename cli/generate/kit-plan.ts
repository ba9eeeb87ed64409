import semver from 'semver';
import type { Catalog, CatalogTarget } from '../catalog/model.js';
import { profileOf } from '../catalog/profile.js';
import { runbookFileName } from '../catalog/runbook-names.js';
import { UsageError } from '../errors.js';
import { MODERN_ECMA_VERSION, nodeForEdition } from '../project/syntax-level.js';
import type { DesiredFile } from '../fs/file-changes.js';
import { planPythonFiles, rejectPythonChoices } from './python/plan.js';

/** One file the kit consists of: which template renders it and where it lands. */
export interface PlannedFile {
  /** Template path relative to `templates/`. */
  template: string;
  /** Output path relative to the project root, posix. */
  path: string;
  kind: DesiredFile['kind'];
  /**
   * `code` files go through the TypeScript-to-JavaScript and ESM-to-CommonJS conversions when the
   * target needs them; `python` files are written as rendered; all but `python` go through prettier.
   */
  format: 'code' | 'markdown' | 'python';
  /** Per-file data merged over the shared template data (a runbook page gets its error). */
  data?: Record<string, unknown>;
  /** Keeps this file an ES module even in a CommonJS project (vitest cannot be required). */
  keepEsm?: boolean;
}

/** The code modules of the kit: template name (without `.ts.hbs`) and whether the user owns the result. */
const kitModules: Array<{ name: string; owned?: boolean }> = [
  { name: 'app-error' },
  { name: 'catalog' },
  { name: 'normalize' },
  { name: 'context' },
  { name: 'redact' },
  { name: 'handler', owned: true },
  { name: 'process-handlers' },
  { name: 'resilience/hooks' },
  { name: 'resilience/retry' },
  { name: 'resilience/timeout' },
  { name: 'resilience/circuit-breaker' },
  { name: 'resilience/fallback' },
  { name: 'index' },
  { name: 'kit.test' },
];

/** What a library's kit consists of. */
const libraryModules = ['app-error', 'catalog', 'normalize', 'index'];

function loggerTemplate(target: CatalogTarget): string {
  if (target.logger === 'project') {
    if (!target.projectLogger) {
      throw new UsageError('the catalog\'s target.logger is "project" but target.projectLogger is missing: name the module, its export and its style');
    }
    return 'logger-project';
  }
  return target.logger === 'pino' ? 'logger-pino' : 'logger-console';
}

/**
 * Every file `init` and `sync` derive from a catalog. Choices (framework, logger, language) pick
 * template files here, so templates never branch on them; Python targets have their own plan.
 */
export function planKitFiles(catalog: Catalog): PlannedFile[] {
  const { target } = catalog;
  if (target.language === 'python') return planPythonFiles(catalog);
  rejectPythonChoices(target);
  const ext = target.language === 'javascript' ? 'js' : 'ts';
  const kitDir = target.kitDir.replace(/\/+$/, '');
  const code = (template: string, name: string, owned = false): PlannedFile => ({
    template: `typescript/kit/${template}.ts.hbs`,
    path: `${kitDir}/${name}.${ext}`,
    kind: owned ? 'owned' : 'derived',
    format: 'code',
  });

  if (profileOf(target) === 'library') {
    // A library keeps its public contract: its errors, normalize and causes, and nothing that logs,
    // handles requests or installs process handlers on behalf of the application using it.
    const files = libraryModules.map((name) => code(name, name));
    files.push(kitTestFile(catalog, code('kit-library.test', 'kit.test')));
    return [...files, ...planDocs(catalog)];
  }
  const files: PlannedFile[] = kitModules.filter((m) => m.name !== 'kit.test').map((m) => code(m.name, m.name, m.owned));
  files.push(kitTestFile(catalog, code('kit.test', 'kit.test')));
  files.push(code(loggerTemplate(target), 'logger', true));
  if (target.framework !== 'none') files.push(code(`http/${target.framework}`, `http/${target.framework}`));
  return [...files, ...planDocs(catalog)];
}

/**
 * The kit's test goes where the project's runner collects it (`target.testFile`, chosen by
 * `init` from the runner's configuration), else beside the kit. vitest refuses to be loaded with
 * `require`, so in a CommonJS JavaScript project its test file is an `.mjs` ES module (which may
 * import the CommonJS kit) rather than a converted `.js`.
 */
function kitTestFile(catalog: Catalog, planned: PlannedFile): PlannedFile {
  const { target } = catalog;
  const placed = target.testFile ? { ...planned, path: target.testFile } : planned;
  const esmInCommonJs = target.language === 'javascript' && target.moduleSystem === 'cjs';
  if (esmInCommonJs && (target.testRunner === 'vitest' || placed.path.endsWith('.mjs'))) {
    return { ...placed, path: placed.path.replace(/\.js$/, '.mjs'), keepEsm: true };
  }
  return placed;
}

/** The path of the kit's test file, relative to the project root. */
export function kitTestPath(target: CatalogTarget): string {
  const ext = target.language === 'javascript' ? 'js' : 'ts';
  const planned: PlannedFile = { template: '', path: `${target.kitDir.replace(/\/+$/, '')}/kit.test.${ext}`, kind: 'derived', format: 'code' };
  return kitTestFile({ target, errors: [] } as unknown as Catalog, planned).path;
}

/** Runbook pages, their index and the error catalog page: the same for every target language. */
export function planDocs(catalog: Catalog): PlannedFile[] {
  const runbookDir = catalog.target.runbookDir.replace(/\/+$/, '');
  const docsDir = runbookDir.includes('/') ? runbookDir.slice(0, runbookDir.lastIndexOf('/')) : '.';
  const pages: PlannedFile[] = catalog.errors.map((error) => ({
    template: 'docs/runbook.md.hbs',
    path: `${runbookDir}/${runbookFileName(error.code, catalog.target.runbookNames)}`,
    kind: 'owned',
    format: 'markdown',
    data: { errorName: error.name },
  }));
  pages.push({ template: 'docs/runbook-index.md.hbs', path: `${runbookDir}/README.md`, kind: 'derived', format: 'markdown' });
  pages.push({
    template: 'docs/error-catalog.md.hbs',
    path: docsDir === '.' ? 'errors.md' : `${docsDir}/errors.md`,
    kind: 'derived',
    format: 'markdown',
  });
  return pages;
}

/**
 * The oldest Node the service and CLI kits' own APIs run on: they pass abort reasons along
 * (`AbortSignal.reason`, Node 16.14) and require `node:` built-ins. A library's kit (errors,
 * normalize, causes) uses nothing newer than its syntax.
 */
export const KIT_NODE_FLOOR = '16.14.0';

/** The oldest Node the kit needs for what it calls, whatever syntax it is written in. */
export function kitApiFloor(target: CatalogTarget): string {
  return profileOf(target) === 'library' ? '0.0.0' : KIT_NODE_FLOOR;
}

/** The oldest Node the JavaScript kit runs on: its APIs' floor, or its syntax's when that is higher. */
export function kitNodeFloor(target: CatalogTarget): string {
  const api = kitApiFloor(target);
  const syntax = nodeForEdition(target.ecmaVersion ?? MODERN_ECMA_VERSION);
  return semver.gt(syntax, api) ? syntax : api;
}

/**
 * One line for init's output when the project's `engines.node` admits a Node older than the kit
 * runs on; undefined when it does not, or says nothing. Reads the lowest version the range names
 * (`>=14`, `^14.17 || >=16`, `14.x`), ignoring upper bounds.
 */
export function nodeFloorNote(enginesNode: string | undefined, floor: string = KIT_NODE_FLOOR): string | undefined {
  // `*` and an empty range say nothing about Node versions; the note is for a floor the project declared.
  if (enginesNode === undefined || ['', '*'].includes(enginesNode.trim()) || semver.validRange(enginesNode) === null) return undefined;
  const lowest = semver.minVersion(enginesNode);
  if (lowest === null || semver.gte(lowest, floor)) return undefined;
  return `the kit needs Node ${floor} or later, and package.json engines allows ${enginesNode.trim()}: raise engines.node or run the kit on a newer Node`;
}
