/**
 * faultline as a library: `import { audit, migrate, check, list } from 'faultline'`.
 *
 * A thin facade over the engines the commands use, with plain options and plain results (the same
 * shapes `--json` prints). Nothing here touches the terminal or the process: no output, no exit codes,
 * no V8 flags. A mistake in the options (an unknown transform id, an invalid shard, no catalog
 * where one is needed) rejects with an Error whose `name` is `UsageError`; an operation that
 * could not be carried out rejects with `OperationError`.
 *
 * The types below are declared here rather than imported from the engines: they are the published
 * contract, and the compiler checks that every engine result still fits them. It also keeps the
 * shipped declarations one self-contained file (scripts/bundle-cli.mjs checks it).
 */
import path from 'node:path';
import { runAudit } from './audit/run.js';
import { toSarif } from './audit/format-sarif.js';
import { ownPackageJson } from './audit/own-package.js';
import { UsageError } from './errors.js';
import { runCheck } from './generate/check.js';
import { listing } from './listing.js';
import { runMigrate } from './migrate/run.js';
import { allTransforms } from '../transforms/javascript/registry.js';
import { auditRules } from '../transforms/javascript/rules/registry.js';
import { allPythonRules } from '../transforms/python/registry.js';

export type Severity = 'error' | 'warning' | 'info';

/** One part of the files, for spreading a run across CI machines: `index` counts from 1 to `count`. */
export interface Shard {
  index: number;
  count: number;
}

export interface Progress {
  /** `scan`: a file was read and checked or transformed in memory. `write`: a changed file was written. */
  phase: 'scan' | 'write';
  done: number;
  total: number;
  /** Relative to the project root. */
  path: string;
}

/** Which files `audit` and `migrate` read. */
export interface ScanOptions {
  /** The folder paths are relative to (default: the process's working directory). The project root is found from it. */
  cwd?: string;
  /** Files, folders and globs; none means `cwd`. Files are found respecting .gitignore. */
  paths?: string[];
  /** More patterns to skip, in .gitignore syntax, relative to the project root. */
  ignore?: string[];
  /** Only this part of the files. */
  shard?: Shard;
  /** Files larger than this many bytes are skipped (default 2 MB). */
  maxFileSize?: number;
  onProgress?: (progress: Progress) => void;
}

export interface MigrateOptions extends ScanOptions {
  /** Transform ids (see `list()`); all of them when absent. */
  transforms?: string[];
  /** Compute each changed file's unified diff and write nothing. */
  dryRun?: boolean;
  /** Write even over files with uncommitted changes (refused otherwise). */
  force?: boolean;
  /**
   * Keep the project's tests as green as they were: run `command` before and after, find the
   * rewrites that break a test by bisection and leave exactly those alone (see `MigrateReport.verify`).
   * While it runs, SIGINT and SIGTERM put every file back before the process ends.
   */
  verify?: VerifyOptions;
}

export interface VerifyOptions {
  /** The project's test command, run in a shell at the project root. */
  command: string;
  /** Each run of the command is ended (with everything it started) after this many milliseconds, and counts as failing (default 10 minutes). */
  timeoutMs?: number;
  onProgress?: (progress: { stage: 'baseline' | 'migrated' | 'bisecting' | 'confirming'; run: number; maxRuns: number; elapsedMs: number }) => void;
}

/** What `migrate` with `verify` adds to its report. */
export interface VerifyReport {
  command: string;
  /** Runs of the test command, repeats of failing runs included. */
  runs: number;
  /** The bound on runs for this many rewrites and reverted sites. */
  maxRuns: number;
  /** How failures were read: runner formats, or none when only the exit code spoke. */
  formats: string[];
  /** Tests that failed on the untouched tree: never blamed on the migration. */
  failingBefore: string[];
  /** Tests that failed once and passed when the run was repeated. */
  flaky: string[];
  /** Rewrites left alone because a test fails with them; also in `leftAlone`. */
  reverted: Array<{ path: string; line: number; column: number; transform: string; reason: string; breaks: string[] }>;
  sitesTried: number;
  durationMs: number;
}

export type AuditOptions = ScanOptions;

export interface CheckOptions {
  /** The project root, where faultline.catalog.json is (default: the process's working directory). */
  cwd?: string;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/** A file that could not be read or parsed; it was left untouched. */
export interface FailedFile {
  path: string;
  /** 1-based; null when the problem has no position (an unreadable file). */
  line: number | null;
  column: number | null;
  message: string;
}

export interface MigrateReport {
  version: 1;
  /** Absolute path of the project root. */
  root: string;
  dryRun: boolean;
  /** The transform ids that ran, in order. */
  transforms: string[];
  shards: Shard[];
  files: {
    /** Every candidate: scanned = changed + unchanged + skipped + failed. */
    scanned: number;
    changed: number;
    unchanged: number;
    skippedByPrefilter: number;
    skipped: number;
    failed: number;
  };
  /** Relative paths with `/`; `diff` (unified) in dry runs only. */
  changed: Array<{ path: string; transforms: string[]; diff?: string }>;
  skipped: SkippedFile[];
  failed: FailedFile[];
  perTransform: Record<string, { fixed: number; leftAlone: number; reasons: Record<string, number> }>;
  /** Sites a transform found and did not change, with the reason. */
  leftAlone: Array<{ path: string; line: number; column: number; transform: string; reason: string }>;
  warnings: string[];
  durationMs: number;
  /** Present when `verify` was given. */
  verify?: VerifyReport;
}

export interface AuditRule {
  id: string;
  title: string;
  description: string;
  /** The level its findings get: the catalog's setting, else the rule's own. */
  level: Severity;
  /** Path of the docs page inside the package. */
  docs: string;
  /** The docs page on the web, as of the installed version. */
  docsUrl?: string;
  /** Whether `migrate` has a transform for it. */
  fixable: boolean;
  /** Whether that transform changes behaviour, so `migrate` runs it only when asked with `--transform`. */
  changesBehaviour?: boolean;
}

export interface AuditFinding {
  ruleId: string;
  severity: Severity;
  /** Relative to the project root, with `/`. */
  file: string;
  /** 1-based; the end is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Whether `migrate` fixes this site (with `--transform` when its rule changes behaviour). */
  fixable: boolean;
  /** For a site a transform finds but would leave alone: why. */
  reason?: string;
}

export interface AuditReport {
  kind: 'faultline-audit';
  version: 1;
  tool: { name: 'faultline'; version: string };
  root: string;
  shards: Shard[];
  rules: AuditRule[];
  files: { scanned: number; withFindings: number; clean: number; skipped: number; failed: number };
  linesScanned: number;
  /** Findings per 1,000 lines scanned. */
  score: number;
  summary: {
    findings: number;
    bySeverity: Record<Severity, number>;
    byRule: Record<string, Record<Severity, number> & { fixable: number }>;
    /** Sites a plain `faultline migrate` fixes. */
    fixable: number;
    /** Sites fixed only with `faultline migrate --transform <id>`, whose fixes change behaviour. */
    fixableOnRequest?: number;
    /** Those transforms' ids. */
    onRequest?: string[];
  };
  /** Sorted by file, then position. */
  findings: AuditFinding[];
  failed: FailedFile[];
  skipped: SkippedFile[];
  warnings: string[];
  /** Present when the project has no catalog: findings were judged against the one `init` would write. */
  defaultCatalog?: true;
  durationMs: number;
}

export interface CheckFinding {
  kind: 'catalog' | 'missing' | 'drift' | 'runbook-block' | 'runbook-sections' | 'orphan-runbook' | 'dependency';
  /** Warnings are reported and do not make `ok` false. */
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** What to do about it: a command to run, or the edit to make. */
  fix: string;
}

export interface CheckResult {
  root: string;
  /** True when no finding is an error. */
  ok: boolean;
  findings: CheckFinding[];
  checkedFiles: number;
}

export interface TransformInfo {
  id: string;
  title: string;
  description: string;
  /** True when the fix can change what the program does, not only what it logs. */
  changesBehaviour: boolean;
  severity: Severity;
  docs: string;
  docsUrl?: string;
}

export interface RuleInfo {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  docs: string;
  docsUrl?: string;
}

export interface Listing {
  /** What `migrate` applies (and `audit` reports), in the order they run. */
  transforms: TransformInfo[];
  /** What only `audit` reports. */
  rules: RuleInfo[];
}

/** Reports weak error handling; reads files, writes nothing. Needs no catalog. */
export async function audit(options: AuditOptions = {}): Promise<AuditReport> {
  return runAudit({ ...scanOptions(options), cwd: cwdOf(options) });
}

/** Rewrites legacy error handling to use the kit; with `dryRun`, reports the diffs and writes nothing. */
export async function migrate(options: MigrateOptions = {}): Promise<MigrateReport> {
  const migrateOptions = {
    ...scanOptions(options),
    cwd: cwdOf(options),
    transforms: options.transforms,
    dryRun: options.dryRun ?? false,
    force: options.force ?? false,
  };
  if (options.verify === undefined) return runMigrate(migrateOptions);
  if (typeof options.verify.command !== 'string' || options.verify.command.trim() === '') {
    throw new UsageError('verify.command must be the test command to run, e.g. "npm test"');
  }
  const { runVerifiedMigrate } = await import('./migrate/verify/run.js');
  return runVerifiedMigrate({ ...migrateOptions, verify: options.verify });
}

/** Whether catalog, generated code and runbooks agree; `ok: false` is what `faultline check` exits 1 for. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  return runCheck(cwdOf(options));
}

/** The transforms, audit-only rules and Python rules, with their metadata and docs pages. */
export function list(): Listing {
  return listing(allTransforms, auditRules, allPythonRules);
}

/** An audit report as SARIF 2.1.0, for code-scanning services (what `faultline audit --format sarif` prints). */
export function sarif(report: AuditReport): object {
  return toSarif(report, { repository: ownPackageJson().repository });
}

/** The installed faultline's version. */
export const version: string = ownPackageJson().version;

function cwdOf(options: { cwd?: string }): string {
  if (options.cwd !== undefined && typeof options.cwd !== 'string') throw new UsageError('cwd must be a path');
  return path.resolve(options.cwd ?? process.cwd());
}

function scanOptions(options: ScanOptions): Omit<ScanOptions, 'cwd'> {
  const { shard } = options;
  if (shard !== undefined && !(Number.isSafeInteger(shard.index) && Number.isSafeInteger(shard.count) && shard.index >= 1 && shard.index <= shard.count)) {
    throw new UsageError(`invalid shard ${JSON.stringify(shard)} — give { index, count } with 1 <= index <= count`);
  }
  return { paths: options.paths, ignore: options.ignore, shard, maxFileSize: options.maxFileSize, onProgress: options.onProgress };
}
