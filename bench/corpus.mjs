// What the benchmarks share: their options, the same deterministic corpus of real files, timing a
// process, and the same statistics.
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * The options every benchmark takes: `--files N --runs N --dist DIR --keep`, each benchmark giving
 * its own corpus size and number of runs. Unknown flags are let through: a benchmark starts its
 * child processes with a mode flag of its own (`--floor`, `--measure`) and reads those itself.
 */
export function benchOptions(defaultFiles, defaultRuns = 3) {
  const { values } = parseArgs({
    options: { files: { type: 'string', default: String(defaultFiles) }, runs: { type: 'string', default: String(defaultRuns) }, dist: { type: 'string', default: 'dist' }, keep: { type: 'boolean', default: false } },
    strict: false,
    allowPositionals: true,
  });
  return { files: Number(values.files), runs: Number(values.runs), dist: String(values.dist), keep: values.keep === true };
}

const MAX_FILE_BYTES = 256 * 1024;

/**
 * A temp project whose `src/` holds `count` `.js` files copied from `nodeModules`, chosen by a hash
 * of their path so every run and every machine with the same dependencies gets the same corpus.
 */
export function createCorpusProject(nodeModules, count, prefix) {
  const project = mkdtempSync(path.join(os.tmpdir(), prefix));
  mkdirSync(path.join(project, 'src'));
  chooseFiles(nodeModules, count).forEach((file, index) => {
    copyFileSync(file, path.join(project, 'src', `${String(index).padStart(5, '0')}-${path.basename(file)}`));
  });
  return project;
}

function chooseFiles(nodeModules, count) {
  const all = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.js') && !entry.name.endsWith('.min.js')) {
        const size = statSync(full).size;
        if (size > 0 && size <= MAX_FILE_BYTES) all.push(full);
      }
    }
  };
  walk(nodeModules);
  const key = (file) => fnv1a(path.relative(nodeModules, file).split(path.sep).join('/'));
  return all
    .map((file) => ({ file, hash: key(file) }))
    .sort((a, b) => a.hash - b.hash || (a.file < b.file ? -1 : 1))
    .slice(0, count)
    .map((entry) => entry.file);
}

function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}

export function mb(kb) {
  return kb ? `${(kb / 1024).toFixed(0)} MB` : 'n/a';
}

export async function repeat(count, run) {
  const results = [];
  for (let i = 0; i < count; i++) results.push(await run());
  return results;
}

/** The run with the median of `field` (wall time by default). */
export function median(results, field = 'wallMs') {
  const sorted = [...results].sort((a, b) => a[field] - b[field]);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Runs a Node script as a child process and resolves to its wall time, CPU time and peak RSS (and its
 * stdout when `captureStdout` is set; otherwise stdout goes to /dev/null, since a report nobody reads
 * still has to be written). CPU and RSS come from GNU time when it is installed, which counts the
 * script's own children too; otherwise the script reports its own `process.resourceUsage()` at exit
 * through a preloaded module.
 */
export function timedNode(script, scriptArgs, { cwd, okCodes = [0], captureStdout = false } = {}) {
  const statsFile = path.join(os.tmpdir(), `faultline-bench-stats-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const [program, programArgs] = existsSync('/usr/bin/time')
    ? ['/usr/bin/time', ['-o', statsFile, '-f', '%e %U %S %M', process.execPath, script, ...scriptArgs]]
    : [process.execPath, ['--import', pathToFileURL(selfReportingPreload()).href, script, ...scriptArgs]];
  const devNull = captureStdout ? undefined : openSync('/dev/null', 'w');
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const env = { ...process.env, NO_COLOR: '1', CI: '1', FAULTLINE_BENCH_STATS: statsFile };
    const proc = spawn(program, programArgs, { cwd, stdio: ['ignore', devNull ?? 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    proc.stdout?.on('data', (chunk) => (stdout += chunk));
    proc.stderr.on('data', (chunk) => (stderr += chunk));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (devNull !== undefined) closeSync(devNull);
      const wallMs = performance.now() - start;
      if (!okCodes.includes(code)) return reject(new Error(`${path.basename(script)} ${scriptArgs.join(' ')} exited ${code}\n${stderr}`));
      const [, user, system, rss] = (readFileSync(statsFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
      rmSync(statsFile, { force: true });
      resolve({ stdout, wallMs, cpuMs: (user + system) * 1000, maxRssKb: rss });
    });
  });
}

let preload;

/** A module that makes a Node process write `time -f '%e %U %S %M'`-style figures for itself when it exits. */
function selfReportingPreload() {
  if (preload !== undefined) return preload;
  preload = path.join(mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-preload-')), 'report-usage.mjs');
  process.on('exit', () => rmSync(path.dirname(preload), { recursive: true, force: true }));
  writeFileSync(
    preload,
    `import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.FAULTLINE_BENCH_STATS, [process.uptime(), usage.userCPUTime / 1e6, usage.systemCPUTime / 1e6, usage.maxRSS].join(' '));
});
`,
  );
  return preload;
}
