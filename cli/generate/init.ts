import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogTarget, Framework, ImportSuffix, Language, Logger, ModuleSystem, Profile, RunbookNames, TestRunner } from '../catalog/model.js';
import { CATALOG_FILE } from '../catalog/load.js';
import { DEFAULT_RUNBOOK_NAMES, runbookFileName } from '../catalog/runbook-names.js';
import { chooseRunbookNames, namingsTheLinterAccepts } from '../project/file-naming.js';
import { detectProject, type ProjectInfo } from '../project/detect.js';
import { suffixFromEvidence } from '../project/import-style.js';
import { needsBareBuiltins } from '../project/builtin-specifiers.js';
import { UsageError } from '../errors.js';
import type { DesiredFile, FileChange } from '../fs/file-changes.js';
import { catalogForInit, writeInitFiles } from './init-files.js';
import { isWithin } from '../fs/project-paths.js';
import { kitApiFloor, kitNodeFloor, nodeFloorNote } from './kit-plan.js';
import { detectLinter } from '../project/linter.js';
import { isRecord, readJsonFile } from '../project/read-json-file.js';
import { detectSyntaxLevel, MODERN_ECMA_VERSION, syntaxLevelNotes } from '../project/syntax-level.js';
import { dependencyNotes, kitTestCommand, planPackageJson } from './package-json.js';
import { isPythonInit, runPythonInit } from './python/init.js';
import { formatForProject } from './render.js';
import { renderCatalogFiles } from './render-catalog-files.js';
import { kitTestFileFor, testNotes } from './kit-test-placement.js';
import { planCoverageExclusion } from './coverage-exclusion.js';
import { styleNotes, styleToRecord } from './project-style.js';
import { refitWrittenFiles } from './refit-written.js';

/** Every choice `init` makes; each one is a prompt and a flag. Unset ones take the detected default. */
export interface InitAnswers {
  language?: Language;
  moduleSystem?: ModuleSystem;
  framework?: Framework;
  logger?: Logger;
  testRunner?: TestRunner;
  profile?: Profile;
  kitDir?: string;
  runbookDir?: string;
  /** How runbook pages are named; unset, `init` learns it from the project's linter and files. */
  runbookNames?: RunbookNames;
  docsBaseUrl?: string | null;
}

export interface InitOptions {
  /** The project directory; created when missing. */
  root: string;
  answers: InitAnswers;
  dryRun: boolean;
  force: boolean;
}

export interface InitResult {
  root: string;
  target: CatalogTarget;
  changes: FileChange[];
  /** True when files were written (not a dry run, no conflicts). */
  written: boolean;
  conflicts: FileChange[];
  /** The command that runs the kit's tests, for the user's next step. */
  testCommand: string;
  installNeeded: boolean;
  packageManager: string;
  /** Things worth telling the user about how the kit fits the project (e.g. a formatter it found). */
  notes?: string[];
}

/** The defaults `init` would use in this project: what prompts offer first and `--yes` accepts. */
export function defaultAnswers(project: ProjectInfo): Required<InitAnswers> & { language: Exclude<Language, 'python'> } {
  return {
    language: project.isEmpty ? 'javascript' : project.language,
    moduleSystem: project.isEmpty ? 'esm' : project.moduleSystem,
    framework: project.framework,
    logger: project.logger,
    testRunner: project.testRunner,
    profile: project.profile,
    kitDir: project.kitDir,
    runbookDir: project.runbookDir,
    runbookNames: project.fileNaming?.names ?? DEFAULT_RUNBOOK_NAMES,
    docsBaseUrl: null,
  };
}

export async function inspectProject(root: string): Promise<ProjectInfo> {
  return detectProject(root);
}

/** Plans the kit for a project and, unless it is a dry run or something conflicts, writes it. */
export async function runInit(options: InitOptions, project?: ProjectInfo): Promise<InitResult> {
  const root = path.resolve(options.root);
  if (options.answers.language === 'python' || (project === undefined && isPythonInit(root, options.answers))) {
    return runPythonInit(options);
  }
  const info = project ?? (await detectProject(root));
  const target = resolveTarget(info, options.answers);
  const codeStyle = await styleToRecord(root, target);
  if (codeStyle) target.codeStyle = codeStyle;
  const syntaxNotes = target.language === 'javascript' ? await fitSyntaxLevel(root, target) : [];
  // A project with a catalog keeps the naming it records: its pages are never renamed behind its back.
  const hasCatalog = existsSync(path.join(root, CATALOG_FILE));
  const namingNotes = options.answers.runbookNames === undefined && !hasCatalog ? await fitRunbookNames(root, target, info) : [];
  if (needsBareBuiltins(root, await manifestOf(root), target.testRunner)) target.builtinSpecifiers = 'bare';
  const { catalog, file: catalogFile } = catalogForInit(root, explicitTarget(options.answers), target);

  const rendered = await renderCatalogFiles(catalog, root, info.name);

  const desired: DesiredFile[] = [catalogFile, ...rendered];
  const packageJsonPath = path.join(root, 'package.json');
  const coverage = planCoverageExclusion(root, info.testSetup, catalog.target);
  const packageJson = planPackageJson({
    current: existsSync(packageJsonPath) ? readFileSync(packageJsonPath, 'utf8') : undefined,
    projectName: info.name,
    target: catalog.target,
    root,
    ...(info.publishEntry && catalog.target.kitDir === info.kitDir ? { publishEntry: info.publishEntry } : {}),
    testContext: info.testSetup,
    ...(coverage?.packageJsonEdit ? { edits: [coverage.packageJsonEdit] } : {}),
  });
  if (packageJson) desired.push(packageJson);
  const notes = [...testNotes(info, catalog.target), ...dependencyNotes(packageJson?.added ?? [])];
  if (coverage?.file) desired.push(coverage.file);
  if (coverage) notes.push(coverage.note);
  if (catalog.target.language === 'typescript' && !info.tsconfig) {
    desired.push({ path: 'tsconfig.json', content: await formatForProject(strictTsconfig(), path.join(root, 'tsconfig.json')), kind: 'owned' });
  }

  const { changes: firstChanges, conflicts, written } = await writeInitFiles(root, desired, options);
  const changes = written ? await refitWrittenFiles(root, catalog, info.name, firstChanges) : firstChanges;
  notes.unshift(...(await styleNotes(root, catalog.target)));
  return {
    root,
    target: catalog.target,
    changes,
    written,
    conflicts,
    testCommand: kitTestCommand(catalog.target, info.testSetup),
    installNeeded: (packageJson?.addedDependencies.length ?? 0) > 0,
    packageManager: info.packageManager,
    notes: [
      ...info.notes,
      ...notes,
      ...syntaxNotes,
      ...namingNotes,
      ...optional(catalog.target.language === 'javascript' ? nodeFloorNote(enginesNodeOf(packageJsonPath), kitNodeFloor(catalog.target)) : undefined),
    ],
  };
}

/**
 * Writes the JavaScript kit in the edition the project can take (its linter's parser, its oldest
 * Node), recorded in the target so that later commands write the same code; returns what to tell.
 */
async function fitSyntaxLevel(root: string, target: CatalogTarget): Promise<string[]> {
  const manifest = await manifestOf(root);
  const linter = await detectLinter(root, manifest);
  const sample = path.join(root, target.kitDir, 'index.js');
  const level = await detectSyntaxLevel(root, manifest, linter, sample, kitApiFloor(target));
  if (level.ecmaVersion < MODERN_ECMA_VERSION) target.ecmaVersion = level.ecmaVersion as CatalogTarget['ecmaVersion'];
  return syntaxLevelNotes(level);
}

/**
 * Names runbook pages as the project names its files: as its ESLint requires of Markdown files in
 * the runbook folder, else as its own files show; recorded in the target, so that `sync`, `check`
 * and `add` name them alike. Returns what to tell.
 */
async function fitRunbookNames(root: string, target: CatalogTarget, info: ProjectInfo): Promise<string[]> {
  const packageJsonPath = path.join(root, 'package.json');
  const packageJson = existsSync(packageJsonPath) ? await readJsonFile(packageJsonPath) : {};
  const linter = await detectLinter(root, isRecord(packageJson) ? packageJson : {});
  const accepted = await namingsTheLinterAccepts(root, linter, target.runbookDir);
  const names = chooseRunbookNames(accepted?.names, info.fileNaming?.names);
  if (names === DEFAULT_RUNBOOK_NAMES) delete target.runbookNames;
  else target.runbookNames = names;
  if (names === DEFAULT_RUNBOOK_NAMES && accepted === undefined) return [];
  const example = `${target.runbookDir}/${runbookFileName('NOT_FOUND', names)}`;
  const why = accepted !== undefined && !accepted.names.includes(DEFAULT_RUNBOOK_NAMES)
    ? `the project's eslint reports ${runbookFileName('NOT_FOUND')}${accepted.rejectedBy.length > 0 ? ` (${accepted.rejectedBy.join(', ')})` : ''}`
    : info.fileNaming !== undefined && info.fileNaming.names === names
      ? info.fileNaming.reason
      : undefined;
  return why === undefined ? [] : [`Runbook pages are named ${names} (${example}): ${why} (choose another with --runbook-names).`];
}

async function manifestOf(root: string): Promise<Record<string, unknown>> {
  const packageJsonPath = path.join(root, 'package.json');
  const packageJson = existsSync(packageJsonPath) ? await readJsonFile(packageJsonPath) : {};
  return isRecord(packageJson) ? packageJson : {};
}

/** Merges answers over detection and checks the combination makes sense. */
export function resolveTarget(project: ProjectInfo, answers: InitAnswers): CatalogTarget {
  const chosen = { ...defaultAnswers(project), ...definedOnly(answers) };
  for (const [name, dir] of [['kit directory', chosen.kitDir], ['runbook directory', chosen.runbookDir]] as const) {
    checkProjectRelativeDir(project.root, name, dir);
  }
  if (chosen.docsBaseUrl && !/^https?:\/\/\S+$/.test(chosen.docsBaseUrl)) {
    throw new UsageError(`--docs-base-url must be an http(s) URL, got "${chosen.docsBaseUrl}"`);
  }
  if (chosen.logger === 'project' && !project.projectLogger) {
    throw new UsageError('--logger project needs a logger module that the code imports across files (src/log.js, lib/logger.ts…), and none was found; choose pino or console');
  }
  return {
    language: chosen.language,
    moduleSystem: chosen.moduleSystem,
    importSuffix: importSuffixFor(project, chosen.language, chosen.moduleSystem),
    kitDir: normalizeDir(chosen.kitDir),
    runbookDir: normalizeDir(chosen.runbookDir),
    ...(chosen.runbookNames === DEFAULT_RUNBOOK_NAMES ? {} : { runbookNames: chosen.runbookNames }),
    framework: chosen.framework,
    logger: chosen.logger,
    ...(chosen.logger === 'project' && project.projectLogger
      ? { projectLogger: { path: project.projectLogger.path, export: project.projectLogger.export, style: project.projectLogger.style } }
      : {}),
    testRunner: chosen.testRunner,
    profile: chosen.profile,
    docsBaseUrl: chosen.docsBaseUrl || null,
    ...kitTestFileFor(project, chosen),
  };
}

function importSuffixFor(project: ProjectInfo, language: Language, moduleSystem: ModuleSystem): ImportSuffix {
  // Node needs the extension in ES modules. require() resolves either spelling, so the project's
  // own requires decide (a linter may forbid the one it does not use), and `.js` when they do not.
  if (language === 'javascript') return moduleSystem === 'esm' ? '.js' : (suffixFromEvidence(project.importStyle) ?? '.js');
  // A tsconfig faultline writes itself uses NodeNext, which needs the suffix.
  if (!project.tsconfig) return '.js';
  if (moduleSystem !== project.moduleSystem) return moduleSystem === 'esm' ? '.js' : project.importSuffix;
  return project.importSuffix;
}

export function checkProjectRelativeDir(root: string, name: string, dir: string): void {
  if (!dir || dir.includes('\0') || path.isAbsolute(dir) || /^[a-zA-Z]:/.test(dir) || !isWithin(root, path.resolve(root, dir))) {
    throw new UsageError(`the ${name} must be a relative path inside the project, got "${dir}"`);
  }
}

export function normalizeDir(dir: string): string {
  return path.posix.normalize(dir.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/+$/, '');
}

function optional(note: string | undefined): string[] {
  return note === undefined ? [] : [note];
}

function enginesNodeOf(packageJsonPath: string): string | undefined {
  if (!existsSync(packageJsonPath)) return undefined;
  try {
    const engines = (JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { engines?: { node?: unknown } }).engines;
    return typeof engines?.node === 'string' ? engines.node : undefined;
  } catch {
    // detection already refused a package.json that is not JSON; nothing to add here
    return undefined;
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The target fields the user chose explicitly (by flag or prompt): only these change an existing catalog. */
export function explicitTarget(answers: InitAnswers): Partial<CatalogTarget> {
  return definedOnly(answers) as Partial<CatalogTarget>;
}

/** Without `include`, tsc checks every TypeScript file in the project, the kit and the user's code alike. */
function strictTsconfig(): string {
  return JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
    },
  });
}
