// Times `faultline migrate --dry-run` side by side with its two baselines over the same files:
//   (a) the floor: read every file and parse the ones containing `catch` or `throw` with @babel/parser;
//   (b) our engine in dry-run mode with all built-in transforms;
//   (c) the plain jscodeshift CLI running the same transforms (dist/transforms/javascript/<id>.js), one after another.
// The files are a couple of thousand real .js files from this repository's node_modules, chosen by a
// hash of their path so every run on the same install picks the same ones.
//
// Usage: npm run build && node bench/migrate.bench.mjs [--files 2000] [--runs 3] [--dist dist] [--keep]
// Each measurement runs in its own process so peak RSS belongs to that measurement alone.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchOptions, createCorpusProject, mb, median, repeat, timedNode } from './corpus.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const options = benchOptions(2000);
const dist = path.resolve(repo, options.dist);
// Every built-in transform, in registry order: the comparison runs each one with jscodeshift.
const TRANSFORMS = existsSync(path.join(dist, 'transforms/javascript/registry.js'))
  ? (await import(pathToFileURL(path.join(dist, 'transforms/javascript/registry.js')).href)).allTransforms.map((t) => t.meta.id)
  : [];

if (args[0] === '--measure') {
  await measure(args[1], args[2]);
} else {
  await main();
}

/**
 * Child process: one measurement, reported as JSON on stdout. It runs with the V8 setting the
 * `faultline` command gives itself (cli/compiler-tuning.ts), floor and engine alike.
 */
async function measure(kind, project) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  (await import(pathToFileURL(path.join(dist, 'cli/compiler-tuning.js')).href)).tuneCompilerForShortRuns();
  let detail;
  if (kind === 'floor') {
    const { parseSource } = await import(pathToFileURL(path.join(dist, 'transforms/javascript/lib/parse.js')).href);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let parsed = 0;
    let failed = 0;
    for (const file of listFiles(path.join(project, 'src'))) {
      const source = readFileSync(file, 'utf8');
      if (!/catch|throw/.test(source)) continue;
      try {
        parseSource(source, file);
        parsed++;
      } catch {
        failed++;
      }
    }
    detail = { ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)), parsed, failed };
  } else {
    const { runMigrate } = await import(pathToFileURL(path.join(dist, 'cli/migrate/run.js')).href);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const report = await runMigrate({ cwd: project, paths: ['src'], dryRun: true });
    detail = { ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)), files: report.files, fixed: Object.fromEntries(Object.entries(report.perTransform).map(([id, c]) => [id, c.fixed])) };
  }
  const loadMs = performance.now() - started - detail.ms;
  process.stdout.write(JSON.stringify({ ...detail, loadMs, processCpuMs: cpuMs(process.cpuUsage(cpuBefore)), maxRssKb: process.resourceUsage().maxRSS }));
}

function cpuMs(usage) {
  return (usage.user + usage.system) / 1000;
}

function listFiles(dir) {
  return readdirSync(dir).sort().map((name) => path.join(dir, name));
}

async function main() {
  if (TRANSFORMS.length === 0) {
    console.error(`${path.relative(repo, dist)}/transforms/javascript/registry.js is missing — run \`npm run build\` first`);
    process.exit(2);
  }
  for (const id of TRANSFORMS) {
    if (!existsSync(path.join(dist, 'transforms', 'javascript', `${id}.js`))) {
      console.error(`${path.relative(repo, dist)}/transforms/javascript/${id}.js is missing — run \`npm run build\` first`);
      process.exit(2);
    }
  }
  const { files: fileCount, runs } = options;
  const project = createProject(fileCount);
  const files = listFiles(path.join(project, 'src'));
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  console.log(`${files.length} .js files from node_modules (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${project}`);
  console.log(`node ${process.version}, ${os.cpus().length} cores; medians of ${runs} runs for (a) and (b), one run for (c)\n`);

  try {
    const floor = median(await repeat(runs, () => child(['--measure', 'floor', project])), 'ms');
    const ours = median(await repeat(runs, () => child(['--measure', 'migrate', project])), 'ms');
    const jscodeshift = [];
    for (const id of TRANSFORMS) {
      jscodeshift.push({ id, ...(await timedNode(path.join(repo, 'node_modules/jscodeshift/bin/jscodeshift.js'), ['-t', path.join(dist, 'transforms', 'javascript', `${id}.js`), '--dry', '--silent', '--extensions=js', path.join(project, 'src')])) });
    }
    const jscodeshiftMs = jscodeshift.reduce((sum, run) => sum + run.wallMs, 0);
    const jscodeshiftCpuMs = jscodeshift.reduce((sum, run) => sum + run.cpuMs, 0);

    const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`.padStart(9);
    const row = (label, ms, cpu, rss, note = '') => console.log(`${label.padEnd(46)} ${seconds(ms)} ${seconds(cpu)}   ${rss.padStart(7)}${note}`);
    console.log(`${''.padEnd(46)} ${'wall'.padStart(9)} ${'cpu'.padStart(9)}   peak RSS`);
    row('(a) floor: read all + parse catch/throw files', floor.ms, floor.cpuMs, mb(floor.maxRssKb), `   (${floor.parsed} parsed, ${floor.failed} unparsable)`);
    row('(b) faultline migrate --dry-run, in process', ours.ms, ours.cpuMs, mb(ours.maxRssKb));
    row('(b) same, whole process (+ loading modules)', ours.wallMs, ours.processCpuMs, mb(ours.maxRssKb));
    for (const run of jscodeshift) row(`(c) jscodeshift -t ${run.id}`, run.wallMs, run.cpuMs, mb(run.maxRssKb));
    row(`(c) jscodeshift, all ${TRANSFORMS.length} one after another`, jscodeshiftMs, jscodeshiftCpuMs, mb(Math.max(...jscodeshift.map((run) => run.maxRssKb ?? 0))));
    console.log('');
    console.log(`b/a engine over floor, in process:       wall ${(ours.ms / floor.ms).toFixed(2)}x   cpu ${(ours.cpuMs / floor.cpuMs).toFixed(2)}x   (target <= 2x)`);
    console.log(`c/b jscodeshift CLI over migrate CLI:    wall ${(jscodeshiftMs / ours.wallMs).toFixed(2)}x   cpu ${(jscodeshiftCpuMs / ours.processCpuMs).toFixed(2)}x   (target >= 5x)`);
    console.log(`\nmigrate: ${JSON.stringify(ours.files)}; fixed ${JSON.stringify(ours.fixed)}`);
  } finally {
    if (options.keep) console.log(`kept ${project}`);
    else rmSync(project, { recursive: true, force: true });
  }
}

async function child(childArgs) {
  const result = await timedNode(fileURLToPath(import.meta.url), [...childArgs, '--dist', dist], { captureStdout: true });
  return { ...JSON.parse(result.stdout), wallMs: result.wallMs };
}

/** A throwaway project: a catalog, and the chosen files flattened into src/ (names keep them apart and readable). */
function createProject(count) {
  const project = createCorpusProject(path.join(repo, 'node_modules'), count, 'faultline-bench-migrate-');
  writeFileSync(path.join(project, 'faultline.catalog.json'), JSON.stringify(catalog(), null, 2));
  return project;
}

function catalog() {
  return {
    version: 1,
    target: { language: 'javascript', moduleSystem: 'cjs', importSuffix: '', kitDir: 'lib/errors', runbookDir: 'docs/runbooks', framework: 'none', logger: 'console', testRunner: 'node:test', docsBaseUrl: null },
    errors: [{ name: 'InternalError', code: 'INTERNAL', status: 500, category: 'internal', retryable: false, severity: 'error', message: 'Something went wrong on our side.', description: 'An unexpected failure.' }],
    mappings: [],
  };
}
