import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog, CatalogTarget, Framework, Language, Logger, ModuleSystem, TestRunner } from '../catalog/model.js';
import { newCatalog } from '../catalog/defaults.js';
import { CATALOG_FILE, parseCatalog } from '../catalog/load.js';
import { serializeCatalog } from '../catalog/serialize.js';
import { detectProject, type ProjectInfo } from '../project/detect.js';
import { UsageError } from '../errors.js';
import { applyChanges, planChanges, type DesiredFile, type FileChange } from '../fs/file-changes.js';
import { isWithin } from '../fs/project-paths.js';
import { kitTestCommand, planPackageJson } from './package-json.js';
import { isPythonInit, runPythonInit } from './python-init.js';
import { formatForProject } from './render.js';
import { renderCatalogFiles } from './render-catalog-files.js';

/** Every choice `init` makes; each one is a prompt and a flag. Unset ones take the detected default. */
export interface InitAnswers {
  language?: Language;
  moduleSystem?: ModuleSystem;
  framework?: Framework;
  logger?: Logger;
  testRunner?: TestRunner;
  kitDir?: string;
  runbookDir?: string;
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
    kitDir: project.kitDir,
    runbookDir: 'docs/runbooks',
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
  const catalogPath = path.join(root, CATALOG_FILE);
  const existingCatalog = existsSync(catalogPath) ? readFileSync(catalogPath, 'utf8') : undefined;
  const catalog = existingCatalog !== undefined ? withTarget(parseCatalog(existingCatalog, catalogPath), options.answers, target) : newCatalog(target);

  const rendered = await renderCatalogFiles(catalog, root, info.name);

  const desired: DesiredFile[] = [
    { path: CATALOG_FILE, content: serializeCatalog(catalog), kind: existingCatalog !== undefined ? 'merged' : 'owned' },
    ...rendered,
  ];
  const packageJsonPath = path.join(root, 'package.json');
  const packageJson = planPackageJson({
    current: existsSync(packageJsonPath) ? readFileSync(packageJsonPath, 'utf8') : undefined,
    projectName: info.name,
    target: catalog.target,
  });
  if (packageJson) desired.push(packageJson);
  if (catalog.target.language === 'typescript' && !info.tsconfig) {
    desired.push({ path: 'tsconfig.json', content: await formatForProject(strictTsconfig(catalog.target), path.join(root, 'tsconfig.json')), kind: 'owned' });
  }

  const changes = planChanges(root, desired, { force: options.force });
  const conflicts = changes.filter((c) => c.status === 'conflict');
  const written = !options.dryRun && conflicts.length === 0;
  if (written) await applyChanges(changes);
  return {
    root,
    target: catalog.target,
    changes,
    written,
    conflicts,
    testCommand: kitTestCommand(catalog.target),
    installNeeded: (packageJson?.addedDependencies.length ?? 0) > 0,
    packageManager: info.packageManager,
  };
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
  return {
    language: chosen.language,
    moduleSystem: chosen.moduleSystem,
    importSuffix: importSuffixFor(project, chosen.language, chosen.moduleSystem),
    kitDir: normalizeDir(chosen.kitDir),
    runbookDir: normalizeDir(chosen.runbookDir),
    framework: chosen.framework,
    logger: chosen.logger,
    testRunner: chosen.testRunner,
    docsBaseUrl: chosen.docsBaseUrl || null,
  };
}

function importSuffixFor(project: ProjectInfo, language: Language, moduleSystem: ModuleSystem): '.js' | '' {
  if (language === 'javascript') return '.js';
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

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A re-run keeps the user's catalog; only choices given explicitly change its target. */
export function withTarget(catalog: Catalog, answers: InitAnswers, resolved: CatalogTarget): Catalog {
  const explicit = definedOnly(answers);
  if (Object.keys(explicit).length === 0) return catalog;
  const target: CatalogTarget = { ...catalog.target };
  for (const key of Object.keys(explicit) as Array<keyof InitAnswers>) {
    (target as unknown as Record<string, unknown>)[key] = resolved[key];
  }
  target.importSuffix = resolved.importSuffix;
  return { ...catalog, target };
}

function strictTsconfig(target: CatalogTarget): string {
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
    include: [target.kitDir.split('/')[0] === '.' ? '.' : `${target.kitDir.split('/')[0]}/**/*`],
  });
}
