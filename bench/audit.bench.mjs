// Times `faultline audit` side by side with ESLint running its nearest error-handling rules
// (no-empty, no-useless-catch, preserve-caught-error, no-throw-literal) over the same files, both as
// child processes the way a CI job runs them: wall time, CPU time and peak RSS of each.
// The files are a few thousand real .js files from this repository's node_modules, chosen by a hash
// of their path so every run on the same install picks the same ones.
//
// Usage: npm run build && node bench/audit.bench.mjs [--files 3000] [--runs 5] [--dist dist] [--keep]
// (--runs counts rounds; each times the floor and faultline three times and ESLint once.)
// Target: faultline at least 10x faster than ESLint (wall), with no more peak memory.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchOptions, createCorpusProject, mb, median, repeat, timedNode } from './corpus.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// Five rounds by default: one round's ratio moves by a point or more with the machine's speed
// (9.1x to 11.6x within one run of this benchmark), and a median of five moves much less.
const options = benchOptions(3000, 5);
const dist = path.resolve(repo, options.dist);
const bin = path.join(dist, 'bin/faultline.js');
const eslintBin = path.join(repo, 'node_modules/eslint/bin/eslint.js');
const ESLINT_RULES = ['no-empty', 'no-useless-catch', 'preserve-caught-error', 'no-throw-literal'];

if (args[0] === '--floor') await floor(args[1]);
else await main();

async function main() {
  if (!existsSync(bin)) fail(`${path.relative(repo, bin)} is missing — run \`npm run build\` first`);
  if (!existsSync(eslintBin)) fail('ESLint is not installed — run `npm ci` (it is a devDependency)');
  const { files: fileCount, runs } = options;
  const project = createProject(fileCount);
  const files = readdirSync(path.join(project, 'src'));
  const bytes = files.reduce((sum, name) => sum + statSync(path.join(project, 'src', name)).size, 0);
  const eslintVersion = JSON.parse(readFileSync(path.join(repo, 'node_modules/eslint/package.json'), 'utf8')).version;
  console.log(`${files.length} .js files from node_modules (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${project}`);
  console.log(`node ${process.version}, ${os.cpus().length} cores, ESLint ${eslintVersion}; ${runs} rounds, each timing the floor and faultline three times and ESLint once; medians shown\n`);

  try {
    // One round runs the three side by side, and the ratio is taken within each round: this machine's
    // speed drifts by a tenth or more over a minute, and three blocks of runs one after another would
    // put ESLint's runs and faultline's at different speeds. A run of faultline is a tenth as long as
    // ESLint's, so a passing slowdown moves it more: each round takes the median of three.
    const medianOfThree = async (run) => median(await repeat(3, run));
    const rounds = await repeat(runs, async () => ({
      floor: await medianOfThree(() => timedNode(fileURLToPath(import.meta.url), ['--floor', path.join(project, 'src'), '--dist', dist], { cwd: project })),
      ours: await medianOfThree(() => timedNode(bin, ['audit', '--format', 'json', 'src'], { cwd: project })),
      // ESLint exits 1 when it reports problems, which it does here.
      eslint: await timedNode(eslintBin, ['--format', 'json', 'src'], { cwd: project, okCodes: [0, 1] }),
    }));
    const parseFloor = median(rounds.map((round) => round.floor));
    const ours = median(rounds.map((round) => round.ours));
    const eslint = median(rounds.map((round) => round.eslint));
    const ratios = rounds.map((round) => round.eslint.wallMs / round.ours.wallMs);

    const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`.padStart(9);
    const row = (label, run) => console.log(`${label.padEnd(52)} ${seconds(run.wallMs)} ${seconds(run.cpuMs)}   ${mb(run.maxRssKb).padStart(7)}`);
    console.log(`${''.padEnd(52)} ${'wall'.padStart(9)} ${'cpu'.padStart(9)}   peak RSS`);
    row('floor: node + read all + parse what rules may match', parseFloor);
    row('faultline audit --format json (all rules)', ours);
    row(`eslint (${ESLINT_RULES.join(', ')})`, eslint);
    console.log('');
    const wallRatio = median(ratios.map((ratio) => ({ ratio })), 'ratio').ratio;
    const cpuRatio = eslint.cpuMs / ours.cpuMs;
    const spread = `${Math.min(...ratios).toFixed(1)}x–${Math.max(...ratios).toFixed(1)}x`;
    console.log(`ESLint / faultline:  wall ${wallRatio.toFixed(1)}x (median of ${runs} rounds; lowest–highest ${spread})   cpu ${cpuRatio.toFixed(1)}x   (target >= 10x)`);
    console.log(`faultline / floor:   wall ${(ours.wallMs / parseFloor.wallMs).toFixed(2)}x   cpu ${(ours.cpuMs / parseFloor.cpuMs).toFixed(2)}x`);
    console.log(`peak RSS:            faultline ${mb(ours.maxRssKb)}, ESLint ${mb(eslint.maxRssKb)}   (target: faultline <= ESLint)`);
    const met = wallRatio >= 10 && (ours.maxRssKb ?? 0) <= (eslint.maxRssKb ?? Infinity);
    console.log(met ? '\ntarget met' : '\ntarget missed');
  } finally {
    if (options.keep) console.log(`kept ${project}`);
    else rmSync(project, { recursive: true, force: true });
  }
}

/**
 * Child process: what no audit can avoid — start Node, load the parser and the rules, read every file
 * and parse the ones some rule's pre-filter lets through, with the parse audit itself uses (meriyah,
 * converted to Babel shapes) under the command's V8 setting. Its figures are printed for context.
 */
async function floor(dir) {
  const load = (relative) => import(pathToFileURL(path.join(dist, relative)).href);
  const [{ parseForDetection }, { allTransforms }, { auditRules }, { tuneCompilerForShortRuns }] = await Promise.all([
    load('transforms/javascript/lib/detection-parse.js'),
    load('transforms/javascript/registry.js'),
    load('transforms/javascript/rules/registry.js'),
    load('cli/compiler-tuning.js'),
  ]);
  // The same V8 setting the command runs with, so the floor is what the command itself cannot avoid.
  tuneCompilerForShortRuns();
  const modules = [...allTransforms, ...auditRules];
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const source = readFileSync(file, 'utf8');
    if (!modules.some((module) => module.mightMatch(source))) continue;
    try {
      parseForDetection(source, file);
    } catch {
      // Unparsable files cost what they cost; the audit reports them.
    }
  }
}

function fail(message) {
  console.error(message);
  process.exit(2);
}


/** A throwaway project: the chosen files flattened into src/, and an ESLint config with only the compared rules. */
function createProject(count) {
  const project = createCorpusProject(path.join(repo, 'node_modules'), count, 'faultline-bench-audit-');
  const rules = Object.fromEntries(ESLINT_RULES.map((rule) => [rule, 'error']));
  // No plugins, no type information; "unused disable directive" reports are off, since the copied
  // files carry directives for rules this run does not enable.
  const config = [{ files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' }, linterOptions: { reportUnusedDisableDirectives: 'off' }, rules }];
  writeFileSync(path.join(project, 'eslint.config.mjs'), `export default ${JSON.stringify(config, null, 2)};\n`);
  return project;
}


