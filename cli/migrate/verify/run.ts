/**
 * `migrate --verify`: a migration that keeps the project's own tests as green as they were. The test
 * command runs on the untouched tree (what fails already is never blamed on the migration), then on
 * the migrated tree; when something new fails, the rewrites responsible are found by bisection (see
 * `bisect.ts`), left alone, and the tree that is left is tested once more. A failing run is repeated
 * once before it counts, so a flaky test blames nothing. Options in, a report out, no terminal.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as Diff from 'diff';
import { allTransforms } from '../../../transforms/javascript/registry.js';
import { InterruptedError, UsageError } from '../../errors.js';
import { lazyRequire } from '../../lazy-require.js';
import { readGitState } from '../git-status.js';
import { loadMigrationProject } from '../project.js';
import { DEFAULT_MAX_FILE_SIZE, readSource } from '../read-source.js';
import { addLeftAlone, byPath, emptyCounts, type LeftAloneSite, type MigrateReport } from '../report.js';
import { runMigrate, withProjectLoggerLookup, type MigrateOptions } from '../run.js';
import { collectCandidates } from '../candidates.js';
import { importOrderReader } from '../import-order.js';
import type { KitLocation } from '../../../transforms/types.js';
import { isPythonPath, transformPythonSource } from '../python/file.js';
import { preparePython, selectByLanguage } from '../python/rules.js';
import { transformSource, type FileOutcome } from '../transform-file.js';
import { allPythonRules } from '../../../transforms/python/registry.js';
import { checkWritesAllowed } from '../write-guard.js';
import { bisectRewrites, maxSteps, type Rewrite } from './bisect.js';
import { readRunFailures } from './results/read.js';
import { runTestCommand, type CommandRun } from './run-command.js';
import { leaveAloneRecorded, leftAloneReason, readLeftAlone, writeLeftAlone, type LeaveAlone } from './left-alone-file.js';
import { WorkingTree } from './working-tree.js';

const loadDiff = lazyRequire<typeof Diff>('diff');

export const DEFAULT_VERIFY_TIMEOUT_MS = 10 * 60 * 1000;

export interface VerifyProgress {
  stage: 'baseline' | 'migrated' | 'bisecting' | 'confirming';
  /** The run now starting, from 1. */
  run: number;
  /** The most runs verification can take, given the rewrites found to break tests so far (and the one being looked for). */
  maxRuns: number;
  elapsedMs: number;
}

export interface VerifyOptions {
  /** The project's test command, run in a shell at the project root. */
  command: string;
  /** Each run of the command is ended (with everything it started) after this long, and counts as failing. */
  timeoutMs?: number;
  onProgress?: (progress: VerifyProgress) => void;
}

export interface VerifiedMigrateOptions extends MigrateOptions {
  verify: VerifyOptions;
}

export interface RevertedSite extends LeftAloneSite {
  /** The tests that fail with this rewrite and pass without it. */
  breaks: string[];
}

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
  /** Rewrites left alone because a test fails with them; also in `leftAlone`, with reason `breaks …`. */
  reverted: RevertedSite[];
  /** Rewritten sites the tests were run against. */
  sitesTried: number;
  durationMs: number;
}

export interface VerifiedMigrateReport extends MigrateReport {
  verify: VerifyReport;
}

/** The run was interrupted (a signal, or `signal` aborted); the tree was put back as it was. */
export class VerifyInterrupted extends InterruptedError {
  override name = 'VerifyInterrupted';
}

interface PlannedRewrite extends Rewrite {
  path: string;
  transform: string;
  /** Place among its transform's fixable findings in the file: what `transformSource`'s `only` selects by. */
  ordinal: number;
  line: number;
  column: number;
  /** The site's source text, by which `faultline.verify.json` recognises it later. */
  text: string;
}

interface PlannedFile {
  path: string;
  absolute: string;
  text: string;
  bom: boolean;
}

const REVERTED_REASON = 'left alone by --verify';

export async function runVerifiedMigrate(options: VerifiedMigrateOptions): Promise<VerifiedMigrateReport> {
  const started = performance.now();
  const { verify } = options;
  const timeoutMs = verify.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
  if (verify.command.trim() === '') throw new UsageError('--verify needs the command that runs the tests, e.g. --verify "npm test"');
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError(`invalid verify timeout ${timeoutMs} — give a positive number of seconds`);
  const dryRun = options.dryRun ?? false;

  // The plain migration, computed without writing: what there is to verify.
  const plan = await runMigrate({ ...options, dryRun: true });
  const project = loadMigrationProject(options.cwd);
  // The same choice of modules as the plain run: JavaScript transforms, and Python rules for .py files.
  const selected = selectByLanguage(options.transforms, options.available ?? allTransforms, options.pythonRules ?? (options.available === undefined ? allPythonRules.filter((rule) => rule.fix) : []));
  const transforms = project.language === 'python' ? [] : selected.transforms;
  await preparePython(plan.changed.map((file) => file.path), selected.python);
  // The kit each file was migrated with in the plan: the project's logger looked for, and the import rules its ESLint applies.
  const candidates = await collectCandidates(project, { paths: options.paths ?? [], ignore: options.ignore, shard: options.shard });
  const kit = withProjectLoggerLookup(project, candidates.files);
  const kits = new Map<string, KitLocation>();
  const importRulesOf = plan.changed.some((file) => !isPythonPath(file.path)) ? importOrderReader(project.root) : undefined;
  if (importRulesOf !== undefined) {
    for (const changed of plan.changed) {
      const absolute = path.join(plan.root, changed.path);
      if (isPythonPath(absolute)) continue;
      const rules = await importRulesOf(absolute);
      if (rules !== undefined) kits.set(absolute, { ...kit, ...rules });
    }
  }
  const transformFile = (source: string, filePath: string, leaveAlone: LeaveAlone | undefined): FileOutcome =>
    isPythonPath(filePath)
      ? transformPythonSource({ source, filePath, rules: selected.python, leaveAlone })
      : transformSource({ source, filePath, transforms, kit: kits.get(filePath) ?? kit, leaveAlone });
  const report: MigrateReport = { ...plan, dryRun };
  const recorded = leaveAloneRecorded(readLeftAlone(plan.root), plan.root);
  const files: PlannedFile[] = [];
  const rewrites: PlannedRewrite[] = [];
  for (const changed of plan.changed) {
    const absolute = path.join(plan.root, changed.path);
    const read = readSource(absolute, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if (read.kind !== 'text') continue;
    const outcome = transformFile(read.text, absolute, recorded(absolute, read.text));
    if (outcome.kind !== 'changed') continue;
    const fileIndex = files.length;
    files.push({ path: changed.path, absolute, text: read.text, bom: read.bom });
    const ordinals = new Map<string, number>();
    for (const site of outcome.sites) {
      if (!site.finding.fixable) continue;
      const ordinal = ordinals.get(site.transform) ?? 0;
      ordinals.set(site.transform, ordinal + 1);
      if (!site.fixed) continue;
      const text = read.text.slice(site.finding.start, site.finding.end);
      rewrites.push({ file: fileIndex, path: changed.path, transform: site.transform, ordinal, line: site.finding.line, column: site.finding.column, text });
    }
  }

  const verifyReport: VerifyReport = { command: verify.command, runs: 0, maxRuns: 0, formats: [], failingBefore: [], flaky: [], reverted: [], sitesTried: rewrites.length, durationMs: 0 };
  const finish = (): VerifiedMigrateReport => {
    verifyReport.durationMs = Math.round(performance.now() - started);
    return { ...report, durationMs: verifyReport.durationMs, verify: verifyReport };
  };
  if (rewrites.length === 0) return finish();

  // The tree is rewritten while the tests run, dry run or not: the same guard as a real run.
  if (!options.force) {
    report.warnings = [...report.warnings, ...checkWritesAllowed(await readGitState(plan.root), plan.root, files.map((file) => file.path))];
  }

  const tree = new WorkingTree(files);
  const textOf = (file: PlannedFile, selected: PlannedRewrite[], all: boolean): Buffer | undefined => {
    if (selected.length === 0) return undefined;
    const keys = new Set(selected.map((rewrite) => `${rewrite.transform}#${rewrite.ordinal}`));
    const outcome = transformFile(
      file.text,
      file.absolute,
      all ? recorded(file.absolute, file.text) : (transform: string, ordinal: number) => (keys.has(`${transform}#${ordinal}`) ? undefined : REVERTED_REASON),
    );
    if (outcome.kind !== 'changed') return undefined;
    return Buffer.from((file.bom ? '\uFEFF' : '') + outcome.text, 'utf8');
  };
  const cache = new Map<string, Buffer | undefined>();
  const apply = (applied: readonly number[]): void => {
    const byFile = new Map<number, PlannedRewrite[]>();
    for (const index of applied) {
      const rewrite = rewrites[index] as PlannedRewrite;
      byFile.set(rewrite.file, [...(byFile.get(rewrite.file) ?? []), rewrite]);
    }
    files.forEach((file, index) => {
      const selected = byFile.get(index) ?? [];
      const all = selected.length === rewrites.filter((rewrite) => rewrite.file === index).length;
      const key = `${index}:${selected.map((rewrite) => `${rewrite.transform}#${rewrite.ordinal}`).join(',')}`;
      if (!cache.has(key)) cache.set(key, textOf(file, selected, all));
      tree.set(file.path, cache.get(key));
    });
  };

  let running: CommandRun | undefined;
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    interrupted = signal;
    running?.kill();
    tree.restore();
  };
  const onExit = (): void => {
    running?.kill();
    tree.restore();
  };
  const onAbort = (): void => onSignal('SIGINT');
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);
  options.signal?.addEventListener('abort', onAbort);

  let stage: VerifyProgress['stage'] = 'baseline';
  let reverted = 0;
  const bound = (): number => 1 + 2 * maxSteps(rewrites, reverted + (stage === 'bisecting' ? 1 : 0));
  const runOnce = async (): Promise<{ failures: string[]; formats: string[]; timedOut: boolean }> => {
    verifyReport.runs++;
    verify.onProgress?.({ stage, run: verifyReport.runs, maxRuns: Math.max(bound(), verifyReport.runs), elapsedMs: performance.now() - started });
    running = runTestCommand(verify.command, { cwd: plan.root, timeoutMs });
    const finished = await running.finished;
    running = undefined;
    if (interrupted) throw new VerifyInterrupted(`${interrupted === 'SIGTERM' ? 'terminated' : 'stopped'} while the tests ran; they were ended, and every file is as it was before migrate`);
    const read = readRunFailures(finished);
    for (const format of read.formats) if (!verifyReport.formats.includes(format)) verifyReport.formats.push(format);
    return { ...read, timedOut: finished.timedOut };
  };
  const before = new Set<string>();
  /** New failures of the tree as it is, confirmed by a second run. */
  const tryTree = async (): Promise<string[]> => {
    const first = (await runOnce()).failures.filter((name) => !before.has(name));
    if (first.length === 0) return [];
    const second = new Set((await runOnce()).failures.filter((name) => !before.has(name)));
    const confirmed = first.filter((name) => second.has(name));
    for (const name of [...first, ...second]) {
      if (!confirmed.includes(name) && !verifyReport.flaky.includes(name)) verifyReport.flaky.push(name);
    }
    return confirmed;
  };

  try {
    const baseline = await runOnce();
    if (baseline.timedOut) throw new UsageError(`the test command did not finish within ${timeoutMs / 1000} s before migrating — raise --verify-timeout or give a faster command`);
    if (baseline.formats.length === 0 && baseline.failures.length > 0) {
      throw new UsageError(`the test command fails before migrating ${baseline.failures[0]} and names no failing test faultline can read — make it pass first, or run a runner whose report faultline reads (see docs/commands/migrate.md)`);
    }
    for (const name of baseline.failures) before.add(name);
    verifyReport.failingBefore = baseline.failures;

    stage = 'migrated';
    apply(rewrites.map((_, index) => index));
    const failing = await tryTree();
    let kept = rewrites.map((_, index) => index);
    const culprits: Array<{ rewrite: PlannedRewrite; breaks: string[] }> = [];
    if (failing.length > 0) {
      stage = 'bisecting';
      const result = await bisectRewrites(rewrites, failing, async (applied) => {
        apply(applied);
        return tryTree();
      });
      kept = result.kept;
      for (const culprit of result.culprits) {
        reverted++;
        const rewrite = rewrites[culprit.rewrite] as PlannedRewrite;
        culprits.push({ rewrite, breaks: culprit.breaks });
        verifyReport.reverted.push({ path: rewrite.path, line: rewrite.line, column: rewrite.column, transform: rewrite.transform, reason: leftAloneReason(culprit.breaks), breaks: culprit.breaks });
      }
      apply(kept);
      verifyReport.reverted.sort((a, b) => byPath(a, b) || a.line - b.line || a.column - b.column);
    }
    verifyReport.maxRuns = 1 + 2 * maxSteps(rewrites, reverted);

    describeResult(report, files, rewrites, kept, tree, verifyReport.reverted);
    if (dryRun) {
      tree.restore();
    } else {
      tree.keep();
      const reverted = culprits.map((culprit) => ({ path: culprit.rewrite.path, transform: culprit.rewrite.transform, line: culprit.rewrite.line, text: culprit.rewrite.text, breaks: culprit.breaks }));
      writeLeftAlone(plan.root, verify.command, rewrites, reverted);
    }
  } catch (error) {
    tree.restore();
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
    options.signal?.removeEventListener('abort', onAbort);
  }
  return finish();
}


/** Rewrites the plain migration's report into the verified one: changed files, their diffs, counts, sites left alone. */
function describeResult(report: MigrateReport, files: PlannedFile[], rewrites: PlannedRewrite[], kept: number[], tree: WorkingTree, reverted: RevertedSite[]): void {
  const keptSet = new Set(kept);
  const changed = [];
  let unchanged = report.files.unchanged;
  for (const [index, file] of files.entries()) {
    const planned = report.changed.find((entry) => entry.path === file.path);
    const original = tree.original(file.path);
    const now = readCurrent(file);
    if (now.equals(original)) {
      unchanged++;
      continue;
    }
    const transforms = [...new Set(rewrites.filter((rewrite, at) => rewrite.file === index && keptSet.has(at)).map((rewrite) => rewrite.transform))];
    const ordered = (planned?.transforms ?? transforms).filter((id) => transforms.includes(id));
    changed.push({
      path: file.path,
      transforms: ordered,
      ...(report.dryRun ? { diff: loadDiff().createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, stripBom(original), stripBom(now), undefined, undefined, { context: 3 }) } : {}),
    });
  }
  // Files the plan changed but verification could not read again stay as planned, unchanged on disk.
  report.changed = changed.sort(byPath);
  report.files = { ...report.files, changed: changed.length, unchanged };
  report.perTransform = Object.fromEntries(Object.entries(report.perTransform).map(([id, counts]) => [id, { ...counts, reasons: { ...counts.reasons } }]));
  for (const site of reverted) {
    const counts = (report.perTransform[site.transform] ??= emptyCounts());
    counts.fixed--;
    addLeftAlone(counts, site.reason);
  }
  report.leftAlone = [...report.leftAlone, ...reverted.map(({ breaks: _breaks, ...site }) => site)].sort((a, b) => byPath(a, b) || a.line - b.line || a.column - b.column);
}

function readCurrent(file: PlannedFile): Buffer {
  return readFileSyncSafe(file.absolute);
}

function readFileSyncSafe(absolute: string): Buffer {
  try {
    return readFileSync(absolute);
  } catch {
    return Buffer.alloc(0);
  }
}

function stripBom(content: Buffer): string {
  const text = content.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
