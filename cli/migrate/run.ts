/**
 * The `migrate` and `audit` engine: options in, a report out, no terminal. Single-threaded on purpose:
 * measured on two cores, worker threads made parsing slower (V8 already uses the second core for
 * compiling and garbage collection), so the speed comes from not parsing what cannot match and
 * parsing everything else exactly once.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as Diff from 'diff';
import { lazyRequire } from '../lazy-require.js';
import { InterruptedError, UsageError } from '../errors.js';
import { allTransforms } from '../../transforms/javascript/registry.js';
import type { Finding, KitLocation, TransformModule } from '../../transforms/types.js';
import { collectCandidates } from './candidates.js';
import { detectSource, type DetectingModule } from './detect-file.js';
import { DEFAULT_FILE_BUDGET_MS, visitWithinBudget } from './file-budget.js';
import { readGitState } from './git-status.js';
import { cwdForPaths, loadDetectionProject, loadMigrationProject, type MigrationProject } from './project.js';
import { findProjectLogger } from '../project/project-logger.js';
import { DEFAULT_MAX_FILE_SIZE, readSource, type SourceRead } from './read-source.js';
import {
  REPORT_VERSION,
  addLeftAlone,
  byPath,
  emptyCounts,
  type ChangedFile,
  type FailedFile,
  type LeftAloneSite,
  type MigrateReport,
  type SkippedEntry,
  type SourceLanguage,
  type TransformCounts,
} from './report.js';
import type { Shard } from './shard.js';
import { transformSource, type Site } from './transform-file.js';
import { leaveAloneRecorded, readLeftAlone } from './verify/left-alone-file.js';
import { detectPythonSource, isPythonPath, transformPythonSource } from './python/file.js';
import { isDefaultFor, selectTransforms } from './select-transforms.js';
import { preparePython, pythonRulesForProfile, selectByLanguage } from './python/rules.js';
import { pythonKitOf } from './python/kit.js';
import { pythonCompileProblems } from './python/compile-check.js';
import { allPythonRules } from '../../transforms/python/registry.js';
import type { PythonRule } from '../../transforms/python/types.js';
import { warmUpDetection } from './warm-up.js';
import { formatLikeProject } from '../../transforms/javascript/lib/project-format.js';
import { findGitTopLevel } from './gitignore.js';
import { importOrderReader } from './import-order.js';
import { checkWritesAllowed, notARepository } from './write-guard.js';
import { isUnchangedSinceRead, writeSourceAtomically } from './write.js';

const loadDiff = lazyRequire<typeof Diff>('diff');

export interface MigrateProgress {
  /** `scan`: a file was read and transformed in memory. `write`: a changed file was written. */
  phase: 'scan' | 'write';
  done: number;
  total: number;
  /** Relative to the project root. */
  path: string;
}

export interface ScanOptions {
  /** Folder the paths are relative to; the project root is the nearest folder above it with a catalog. */
  cwd: string;
  /** Files, folders and globs; none means `cwd`. */
  paths?: string[];
  /** Transform ids; all of them when absent. */
  transforms?: string[];
  /** Only this part of the files, for splitting a run across machines. */
  shard?: Shard;
  /** Patterns in .gitignore syntax, relative to the project root. */
  ignore?: string[];
  /** Files larger than this many bytes are skipped (default 2 MB). */
  maxFileSize?: number;
  /** A file whose analysis takes longer than this is stopped and reported as skipped (default 20 s). */
  fileBudgetMs?: number;
  onProgress?: (progress: MigrateProgress) => void;
  /** The transforms to choose from; the built-in ones when absent. */
  available?: TransformModule[];
  /** The Python rules to choose from; the built-in ones when absent (those with a fix, for `migrate`). */
  pythonRules?: PythonRule[];
}

export interface MigrateOptions extends ScanOptions {
  /** Compute and report diffs, write nothing. */
  dryRun?: boolean;
  /** Write even over uncommitted changes. */
  force?: boolean;
  /** Aborted to stop the run between two files; it then throws an InterruptedError saying what was written. */
  signal?: AbortSignal;
}

interface PendingWrite {
  path: string;
  text: string;
  bom: boolean;
  size: number;
  mtimeMs: number;
  transforms: string[];
  sites: Site[];
}

// Long sync stretches starve timers; yielding now and then lets a progress display redraw.
const YIELD_EVERY_FILES = 64;

/** A caller that chose its own transforms chose its modules: Python rules run only when it names them too. */
function defaultPythonRules(options: ScanOptions, builtIn: PythonRule[]): PythonRule[] {
  return options.available === undefined ? builtIn : [];
}

function maxFileSizeOf(options: ScanOptions): number {
  const size = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (!Number.isSafeInteger(size) || size <= 0) throw new UsageError(`invalid maximum file size ${options.maxFileSize} — give a positive number of bytes`);
  return size;
}

type TextRead = Extract<SourceRead, { kind: 'text' }>;

function budgetOf(options: ScanOptions): number {
  const budget = options.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS;
  if (!Number.isFinite(budget) || budget <= 0) throw new UsageError(`invalid time budget per file ${options.fileBudgetMs} — give a positive number of milliseconds`);
  return budget;
}

function overBudgetReason(budgetMs: number): string {
  const amount = budgetMs >= 1000 ? `${Math.round(budgetMs / 100) / 10} s` : `${budgetMs} ms`;
  return `its analysis ran over the ${amount} budget for one file and was stopped; left as it is`;
}

/**
 * The per-file loop `migrate` and `audit` share: reads each candidate, records the ones skipped or
 * unreadable, hands readable text to `analyse` (within the time budget per file) and its outcome to
 * `record`, and reports progress (yielding now and then so a progress display can redraw).
 */
async function forEachSource<Outcome>(
  args: { root: string; files: string[]; maxFileSize: number; budgetMs: number; skipped: SkippedEntry[]; failed: FailedFile[]; onProgress?: (progress: MigrateProgress) => void; signal?: AbortSignal },
  analyse: (absolute: string, read: TextRead) => Outcome,
  record: (file: string, read: TextRead, outcome: Outcome) => void,
): Promise<void> {
  const { files, onProgress } = args;
  for (let start = 0; start < files.length; start += YIELD_EVERY_FILES) {
    const end = Math.min(start + YIELD_EVERY_FILES, files.length);
    const reads: Array<SourceRead | undefined> = [];
    // Set only once an analysis is complete: a stopped one leaves its slot empty.
    const outcomes: Array<{ value: Outcome } | undefined> = [];
    const overBudget = new Set<number>();
    visitWithinBudget(
      start,
      end,
      args.budgetMs,
      (index) => {
        const read = (reads[index - start] ??= readSource(path.join(args.root, files[index] as string), args.maxFileSize));
        if (read.kind === 'text') outcomes[index - start] = { value: analyse(path.join(args.root, files[index] as string), read) };
        onProgress?.({ phase: 'scan', done: index + 1, total: files.length, path: files[index] as string });
      },
      (index) => {
        overBudget.add(index);
        onProgress?.({ phase: 'scan', done: index + 1, total: files.length, path: files[index] as string });
      },
    );
    for (let index = start; index < end; index++) {
      const file = files[index] as string;
      const read = reads[index - start];
      const outcome = outcomes[index - start];
      if (overBudget.has(index) || read === undefined) args.skipped.push({ path: file, reason: overBudgetReason(args.budgetMs) });
      else if (read.kind === 'skipped') args.skipped.push({ path: file, reason: read.reason });
      else if (read.kind === 'unreadable') args.failed.push({ path: file, line: null, column: null, message: read.message });
      else if (outcome !== undefined) record(file, read, outcome.value);
    }
    // Also lets a Ctrl-C be seen between files.
    await yieldToEventLoop();
    if (args.signal?.aborted) throw new InterruptedError('stopped while reading files; nothing was written');
  }
}

export async function runMigrate(options: MigrateOptions): Promise<MigrateReport> {
  const started = performance.now();
  options = { ...options, ...cwdForPaths(options.cwd, options.paths) };
  const project = loadMigrationProject(options.cwd);
  const selected = selectByLanguage(options.transforms, options.available ?? allTransforms, options.pythonRules ?? defaultPythonRules(options, allPythonRules.filter((rule) => rule.fix)));
  // A Python project's kit is Python: JavaScript files in it have no kit to migrate to.
  // Without ids, the profile's default set; with ids, those asked for, unless the profile cannot run them.
  const profile = project.kit.profile;
  const forProfile = options.transforms === undefined
    ? selected.transforms.filter((transform) => isDefaultFor(transform, profile ?? 'service'))
    : selected.transforms.length === 0
      ? []
      : selectTransforms(selected.transforms.map((transform) => transform.meta.id), selected.transforms, profile);
  const transforms = project.language === 'python' ? [] : forProfile;
  const pythonRules = pythonRulesForProfile(selected.python, profile ?? 'service', options.transforms !== undefined);
  const maxFileSize = maxFileSizeOf(options);
  const budgetMs = budgetOf(options);
  const dryRun = options.dryRun ?? false;
  // Said before any work, so that nothing is written and no time is spent first.
  if (!dryRun && !options.force && findGitTopLevel(project.root) === undefined) throw notARepository(project.root);
  const candidates = await collectCandidates(project, { paths: options.paths ?? [], ignore: options.ignore, shard: options.shard });
  const kit = withProjectLoggerLookup(project, candidates.files);
  // Started now so git works while files are transformed; awaited only if something is to be written.
  const gitState = dryRun || options.force ? undefined : readGitState(project.root);

  const perTransform: Record<string, TransformCounts> = Object.fromEntries([...transforms, ...pythonRules].map((t) => [t.meta.id, emptyCounts()]));
  const skipped: SkippedEntry[] = [...candidates.skipped];
  const failed: FailedFile[] = [];
  const changed: ChangedFile[] = [];
  const leftAlone: LeftAloneSite[] = [];
  const writes: PendingWrite[] = [];
  let unchanged = 0;
  let skippedByPrefilter = 0;

  const total = candidates.files.length;
  const scan = { root: project.root, files: candidates.files, maxFileSize, budgetMs, skipped, failed, onProgress: options.onProgress, signal: options.signal };
  const recorded = leaveAloneRecorded(readLeftAlone(project.root), project.root);
  await preparePython(candidates.files, pythonRules);
  const pythonKit = project.language === 'python' && pythonRules.length > 0 ? pythonKitOf(project.root, project.kit, candidates.files) : undefined;
  const transform = (absolute: string, read: TextRead) =>
    isPythonPath(absolute)
      ? transformPythonSource({ source: read.text, filePath: absolute, rules: pythonRules, kit: pythonKit, leaveAlone: recorded(absolute, read.text) })
      : transformSource({ source: read.text, filePath: absolute, transforms, kit, leaveAlone: recorded(absolute, read.text) });
  const formatting: Array<{ file: string; absolute: string; read: TextRead; outcome: Extract<ReturnType<typeof transform>, { kind: 'changed' }> }> = [];
  await forEachSource(scan, transform, (file, read, outcome) => {
    if (outcome.kind === 'failed') {
      failed.push({ path: file, line: outcome.line, column: outcome.column, message: outcome.message });
    } else if (outcome.kind === 'unchanged') {
      countSites(outcome.sites, file, perTransform, leftAlone);
      unchanged++;
      if (outcome.prefiltered) skippedByPrefilter++;
    } else {
      formatting.push({ file, absolute: path.join(project.root, file), read, outcome });
    }
  });
  // An import a file gained goes where the project's import/order puts it: asked of its ESLint only now that a file changed.
  const importOrderOf = formatting.some((entry) => !isPythonPath(entry.absolute)) ? importOrderReader(project.root) : undefined;
  if (importOrderOf !== undefined) {
    for (const entry of formatting) {
      if (isPythonPath(entry.absolute)) continue;
      const importRules = await importOrderOf(entry.absolute);
      if (importRules === undefined) continue;
      const again = transformSource({ source: entry.read.text, filePath: entry.absolute, transforms, kit: { ...kit, ...importRules }, leaveAlone: recorded(entry.absolute, entry.read.text) });
      if (again.kind === 'changed') entry.outcome = again;
    }
  }
  // Rewritten Python must compile with Python itself before anything is written.
  const uncompiled = pythonCompileProblems(formatting.filter((entry) => isPythonPath(entry.absolute)).map((entry) => ({ key: entry.file, before: entry.read.text, after: entry.outcome.text })));
  // Formatting is asynchronous (prettier's API is), so changed files are finished after the scan.
  for (const { file, absolute, read, outcome } of formatting) {
    const problem = uncompiled.get(file);
    if (problem !== undefined) {
      failed.push({ path: file, line: null, column: null, message: `the rewritten code would not compile (${problem}); file left untouched` });
      continue;
    }
    const text = await formatLikeProject(absolute, read.text, outcome.text);
    if (dryRun) {
      countSites(outcome.sites, file, perTransform, leftAlone);
      changed.push({ path: file, transforms: outcome.transforms, diff: unifiedDiff(file, read.text, text) });
    } else {
      writes.push({ path: file, text, bom: read.bom, size: read.size, mtimeMs: read.mtimeMs, transforms: outcome.transforms, sites: outcome.sites });
    }
  }

  const warnings: string[] = [];
  if (gitState !== undefined && writes.length > 0) {
    warnings.push(...checkWritesAllowed(await gitState, project.root, writes.map((write) => write.path)));
  }
  for (let index = 0; index < writes.length; index++) {
    if (options.signal?.aborted) throw interruptedWriting(index, writes.length);
    const write = writes[index] as PendingWrite;
    const absolute = path.join(project.root, write.path);
    const problem = await writeOne(absolute, write);
    if (problem === undefined) {
      changed.push({ path: write.path, transforms: write.transforms });
      // Sites count as fixed only once the fix is on disk.
      countSites(write.sites, write.path, perTransform, leftAlone);
    } else {
      failed.push({ path: write.path, line: null, column: null, message: problem });
    }
    options.onProgress?.({ phase: 'write', done: index + 1, total: writes.length, path: write.path });
  }

  skipped.sort(byPath);
  failed.sort(byPath);
  changed.sort(byPath);
  leftAlone.sort((a, b) => byPath(a, b) || a.line - b.line || a.column - b.column);
  return {
    version: REPORT_VERSION,
    root: project.root,
    dryRun,
    transforms: [...transforms, ...pythonRules].map((transform) => transform.meta.id),
    languages: languagesOf(candidates.files),
    shards: options.shard ? [options.shard] : [],
    files: { scanned: total + candidates.skipped.length, changed: changed.length, unchanged, skippedByPrefilter, skipped: skipped.length, failed: failed.length },
    changed,
    skipped,
    failed,
    perTransform,
    leftAlone,
    warnings,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * The kit, with a way to find the logger the project's code logs through when the catalog does not
 * say the kit writes through one. Without a catalog the kit stands for the one `init` would write,
 * which writes through that logger.
 */
export function withProjectLoggerLookup(project: MigrationProject, files: readonly string[]): KitLocation {
  if (project.kit.projectLogger === true || project.defaultCatalog === true || project.language === 'python') return project.kit;
  let found: { path: string; export: string } | undefined | null = null;
  return {
    ...project.kit,
    projectLoggerInCode: () => {
      if (found === null) {
        // The kit's own modules log through the kit: they say nothing of how the project logs.
        const kitDir = path.relative(project.root, project.kit.kitDir).split(path.sep).join('/');
        const own = files.filter((file) => !isPythonPath(file) && file !== kitDir && !file.startsWith(`${kitDir}/`));
        const logger = findProjectLogger(project.root, own);
        found = logger === undefined ? undefined : { path: logger.path, export: logger.export };
      }
      return found;
    },
  };
}

/** The languages the candidate files are written in. */
function languagesOf(files: readonly string[]): SourceLanguage[] {
  const python = files.some(isPythonPath);
  const javascript = files.some((file) => !isPythonPath(file));
  return [...(javascript ? (['javascript'] as const) : []), ...(python ? (['python'] as const) : [])];
}

function interruptedWriting(written: number, total: number): InterruptedError {
  const rest = total - written;
  const wrote = written === 0 ? 'no file was written' : `${written} of ${total} files ${written === 1 ? 'was' : 'were'} written, each completely`;
  return new InterruptedError(`${wrote}; the other ${rest === 1 ? 'one is' : `${rest} are`} unchanged — run the same command again to finish the rest`);
}

async function writeOne(absolute: string, write: PendingWrite): Promise<string | undefined> {
  if (!isUnchangedSinceRead(absolute, write)) return 'the file changed on disk while migrate ran; left as it is — run migrate again';
  try {
    await writeSourceAtomically(absolute, write.text, write.bom);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `cannot write the file (${code ?? (error as Error).message}); it is unchanged — check permissions and free space`;
  }
}

function countSites(sites: Site[], file: string, perTransform: Record<string, TransformCounts>, leftAlone: LeftAloneSite[]): void {
  for (const site of sites) {
    const counts = (perTransform[site.transform] ??= emptyCounts());
    if (site.fixed) {
      counts.fixed++;
      continue;
    }
    const reason = site.reason ?? 'not fixed';
    addLeftAlone(counts, reason);
    leftAlone.push({ path: file, line: site.finding.line, column: site.finding.column, transform: site.transform, reason });
  }
}

function unifiedDiff(file: string, before: string, after: string): string {
  return loadDiff().createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 });
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface DetectedFinding extends Finding {
  /** Relative to the project root, `/` separators. */
  path: string;
}

export interface DetectOptions extends ScanOptions {
  /** Modules that only detect (audit-only rules), run after the transforms on the same tree. */
  rules?: DetectingModule[];
}

export interface DetectReport {
  version: typeof REPORT_VERSION;
  root: string;
  transforms: string[];
  /** Ids of the detect-only rules that ran, after the transforms. */
  rules: string[];
  shards: Shard[];
  files: { scanned: number; withFindings: number; clean: number; skippedByPrefilter: number; skipped: number; failed: number };
  /** Lines of the files that were checked (with findings or clean, not skipped or failed); see `lineCount`. */
  linesScanned: number;
  /** Sorted by path, then position. */
  findings: DetectedFinding[];
  skipped: SkippedEntry[];
  failed: FailedFile[];
  /** There was no catalog: findings were judged against the one `faultline init` would write. */
  defaultCatalog: boolean;
  durationMs: number;
}

/**
 * What `migrate` would find, without fixing anything: the pipeline behind `audit`. Works without a
 * catalog (detection needs no kit); with one, its mappings and classes are available to transforms.
 */
export async function runDetect(options: DetectOptions): Promise<DetectReport> {
  const started = performance.now();
  options = { ...options, ...cwdForPaths(options.cwd, options.paths) };
  const project = loadDetectionProject(options.cwd);
  const selected = selectByLanguage(options.transforms, options.available ?? allTransforms, options.pythonRules ?? defaultPythonRules(options, allPythonRules));
  const transforms = selected.transforms;
  const pythonRules = selected.python;
  const rules = options.rules ?? [];
  const modules: DetectingModule[] = [...transforms, ...rules];
  const maxFileSize = maxFileSizeOf(options);
  const budgetMs = budgetOf(options);
  const candidates = await collectCandidates(project, { paths: options.paths ?? [], ignore: options.ignore, shard: options.shard });
  const kit = withProjectLoggerLookup(project, candidates.files);
  const skipped: SkippedEntry[] = [...candidates.skipped];
  const failed: FailedFile[] = [];
  const findings: DetectedFinding[] = [];
  let withFindings = 0;
  let clean = 0;
  let skippedByPrefilter = 0;
  let lines = 0;

  const total = candidates.files.length;
  warmUpDetection({ root: project.root, kit: project.kit, files: candidates.files });
  const scan = { root: project.root, files: candidates.files, maxFileSize, budgetMs, skipped, failed, onProgress: options.onProgress };
  await preparePython(candidates.files, pythonRules);
  const pythonKit = project.language === 'python' && pythonRules.length > 0 ? pythonKitOf(project.root, project.kit, candidates.files) : undefined;
  const detect = (absolute: string, read: TextRead) =>
    isPythonPath(absolute)
      ? detectPythonSource({ source: read.text, filePath: absolute, rules: pythonRules, kit: pythonKit })
      : detectSource({ source: read.text, filePath: absolute, transforms: modules, kit });
  await forEachSource(scan, detect, (file, read, outcome) => {
    if (outcome.kind === 'failed') {
      failed.push({ path: file, line: outcome.line, column: outcome.column, message: outcome.message });
      return;
    }
    lines += lineCount(read.text);
    if (outcome.findings.length === 0) {
      clean++;
      if (outcome.prefiltered) skippedByPrefilter++;
    } else {
      withFindings++;
      for (const finding of outcome.findings) findings.push({ ...finding, path: file });
    }
  });
  skipped.sort(byPath);
  failed.sort(byPath);
  return {
    version: REPORT_VERSION,
    root: project.root,
    transforms: transforms.map((transform) => transform.meta.id),
    rules: [...rules, ...pythonRules].map((rule) => rule.meta.id),
    shards: options.shard ? [options.shard] : [],
    files: { scanned: total + candidates.skipped.length, withFindings, clean, skippedByPrefilter, skipped: skipped.length, failed: failed.length },
    linesScanned: lines,
    findings,
    skipped,
    failed,
    defaultCatalog: project.defaultCatalog === true,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Line feeds, plus one for a last line that does not end in one: what `wc -l` counts, and the last line too. */
export function lineCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return text.length > 0 && !text.endsWith('\n') ? count + 1 : count;
}
