// Times `faultline audit` side by side with Ruff selecting the equivalent rules, over the same real
// Python tree, both as child processes the way a CI job runs them; then compares what each reports
// on those rules, site by site (file and line).
//
// The tree is a checkout of a real project at a pinned commit: either a folder (--tree DIR) or a
// commit of a git repository (--repo GIT_DIR --commit SHA), which is exported once into the temp
// folder and made a repository of its own, so its .gitignore applies and no surrounding one does.
// Ruff comes from PyPI into a virtual environment under .bench-cache/ (pinned, installed on first use).
//
// Usage: npm run build && node bench/python-audit.bench.mjs --repo <git dir> --commit <sha> [--runs 5]
//        npm run build && node bench/python-audit.bench.mjs --tree <checkout> [--runs 5]
// Measured tree: ansible/ansible at c9ac477e53a99e95781f333eec3329a935c1bf95 (1,564 .py files).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUFF_VERSION = '0.17.6';
/** Each faultline Python rule and the Ruff code it is compared with. */
const EQUIVALENT = {
  'raise-without-from': 'B904',
  'verbose-raise': 'TRY201',
  'useless-try-except': 'TRY203',
  'log-without-traceback': 'TRY400',
  'bare-except': 'E722',
  'broad-except': 'BLE001',
  'except-pass': 'S110',
  'except-continue': 'S112',
  'generic-exception': 'TRY002',
  'task-discarded': 'RUF006',
  'open-without-with': 'SIM115',
};

const { values } = parseArgs({
  options: { tree: { type: 'string' }, repo: { type: 'string' }, commit: { type: 'string' }, runs: { type: 'string', default: '5' }, dist: { type: 'string', default: 'dist' } },
});
const runs = Number(values.runs);
const bin = path.join(path.resolve(repo, values.dist), 'bin/faultline.js');
if (!existsSync(bin)) fail(`${path.relative(repo, bin)} is missing — run \`npm run build\` first`);
const tree = values.tree !== undefined ? path.resolve(values.tree) : exportedTree(values.repo, values.commit);
const ruff = installedRuff();

const medianOf = (results, field = 'wallMs') => [...results].sort((a, b) => a[field] - b[field])[Math.floor(results.length / 2)];
const rounds = [];
for (let round = 0; round < runs; round++) {
  // Side by side within each round, so a drift of the machine's speed moves both alike.
  const ours = await timed(process.execPath, [bin, 'audit', '--format', 'json', '.'], tree, [0]);
  const theirs = await timed(ruff, ['check', '--no-cache', '--isolated', '--select', Object.values(EQUIVALENT).join(','), '--output-format', 'json', '--exit-zero', '.'], tree, [0]);
  rounds.push({ ours, theirs });
}
const ours = medianOf(rounds.map((round) => round.ours));
const theirs = medianOf(rounds.map((round) => round.theirs));
const ratio = medianOf(rounds.map((round) => ({ value: round.ours.wallMs / round.theirs.wallMs })), 'value').value;

const report = JSON.parse(ours.stdout);
// Files faultline read: those with findings, and every other .py file the run did not skip or fail on.
const auditedFiles = new Set(
  execFileSync('git', ['ls-files', '-z', '*.py'], { cwd: tree, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && !report.skipped.some((entry) => entry.path === file) && !report.failed.some((entry) => entry.path === file)),
);
const { NEVER_ENTERED } = await import(pathToFileURL(path.join(path.resolve(repo, values.dist), 'cli/migrate/discover.js')).href);
for (const file of [...auditedFiles]) if (file.split('/').slice(0, -1).some((segment) => NEVER_ENTERED.includes(segment))) auditedFiles.delete(file);
const pythonFiles = execFileSync('git', ['ls-files', '*.py'], { cwd: tree, encoding: 'utf8' }).split('\n').filter(Boolean).length;
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`.padStart(9);
console.log(`${tree}: ${pythonFiles} .py files tracked; faultline scanned ${report.files.scanned} files (${report.linesScanned} lines), skipped ${report.files.skipped}, failed ${report.files.failed}`);
console.log(`node ${process.version}, ${os.cpus().length} cores, Ruff ${RUFF_VERSION}; ${runs} rounds, medians shown\n`);
console.log(`${''.padEnd(44)} ${'wall'.padStart(9)} ${'cpu'.padStart(9)}   peak RSS`);
console.log(`${'faultline audit --format json'.padEnd(44)} ${seconds(ours.wallMs)} ${seconds(ours.cpuMs)}   ${mb(ours.maxRssKb)}`);
console.log(`${`ruff check --select ${Object.values(EQUIVALENT).length} rules`.padEnd(44)} ${seconds(theirs.wallMs)} ${seconds(theirs.cpuMs)}   ${mb(theirs.maxRssKb)}`);
console.log(`\nfaultline / Ruff: wall ${ratio.toFixed(1)}x (median of per-round ratios), cpu ${(ours.cpuMs / theirs.cpuMs).toFixed(1)}x\n`);

// Site by site: a finding is its file and line (Ruff and faultline both report at the statement or clause).
const sites = (entries) => new Set(entries.map(([file, line]) => `${file}:${line}`));
const ruffFindings = JSON.parse(theirs.stdout);
console.log(`${'rule'.padEnd(20)} ${'code'.padEnd(7)} ${'faultline'.padStart(9)} ${'Ruff'.padStart(6)} ${'both'.padStart(6)} ${'only faultline'.padStart(15)} ${'only Ruff'.padStart(10)}`);
const differences = [];
for (const [rule, code] of Object.entries(EQUIVALENT)) {
  const mine = sites(report.findings.filter((finding) => finding.ruleId === rule).map((finding) => [finding.file, finding.line]));
  const theirsSites = sites(ruffFindings.filter((finding) => finding.code === code).map((finding) => [path.relative(tree, finding.filename).split(path.sep).join('/'), finding.location.row]));
  const both = [...mine].filter((site) => theirsSites.has(site));
  const onlyMine = [...mine].filter((site) => !theirsSites.has(site));
  const onlyTheirs = [...theirsSites].filter((site) => !mine.has(site));
  console.log(`${rule.padEnd(20)} ${code.padEnd(7)} ${String(mine.size).padStart(9)} ${String(theirsSites.size).padStart(6)} ${String(both.length).padStart(6)} ${String(onlyMine.length).padStart(15)} ${String(onlyTheirs.length).padStart(10)}`);
  for (const site of onlyMine) differences.push(`${code} only faultline ${site}   (${whyOnlyFaultline(site, rule)})`);
  for (const site of onlyTheirs) differences.push(`${code} only Ruff      ${site}   (${whyNotReported(site)})`);
}
if (differences.length > 0) console.log(`\nsites one reports and the other does not:\n  ${differences.sort().join('\n  ')}`);
const skippedReasons = new Map();
for (const entry of report.skipped) skippedReasons.set(entry.reason, (skippedReasons.get(entry.reason) ?? 0) + 1);
if (skippedReasons.size > 0) console.log(`\nfiles faultline left out: ${[...skippedReasons].map(([reason, count]) => `${count} ${reason}`).join('; ')}`);

/**
 * What, at a site only Ruff reports, tells faultline to leave it alone, read from the site's text
 * (this is the benchmark's summary for a reader, not detection): the file was not audited, a pylint
 * disable names the check, or a comment in the handler says why.
 */
function whyNotReported(site) {
  const [file, line] = [site.slice(0, site.lastIndexOf(':')), Number(site.slice(site.lastIndexOf(':') + 1))];
  const skipped = report.skipped.find((entry) => entry.path === file);
  if (skipped !== undefined) return `not audited: ${skipped.reason}`;
  if (!auditedFiles.has(file)) return 'in a folder faultline never enters';
  const lines = readFileSync(path.join(tree, file), 'utf8').split('\n');
  if (/pylint:\s*disable/.test(lines[line - 1] ?? '')) return 'a pylint disable comment names the check';
  const handler = lines.slice(line - 1, line + 3);
  if (handler.slice(1).some((text) => text.trim().startsWith('#')) || /#/.test(handler[1] ?? '') || /#/.test(handler[0] ?? '')) return 'a comment in the handler says why';
  return 'see the site';
}

/** What faultline reads at a site Ruff's code does not cover, from the finding itself. */
function whyOnlyFaultline(site, rule) {
  const finding = report.findings.find((candidate) => candidate.ruleId === rule && `${candidate.file}:${candidate.line}` === site);
  if (finding?.messageId === 'printInExcept' || finding?.message.startsWith('`print(')) return 'a print(…) in a handler, which TRY400 does not cover';
  return 'see the site';
}

function exportedTree(gitDir, commit) {
  if (gitDir === undefined || commit === undefined) fail('give --tree <checkout>, or --repo <git dir> --commit <sha>');
  const target = path.join(os.tmpdir(), `faultline-python-bench-${commit.slice(0, 12)}`);
  if (existsSync(path.join(target, '.git'))) return target;
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  execFileSync('sh', ['-c', 'git --git-dir "$1" archive "$2" | tar -x -C "$3"', 'export', path.resolve(gitDir), commit, target]);
  execFileSync('git', ['init', '--quiet'], { cwd: target });
  execFileSync('git', ['add', '--all'], { cwd: target });
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'commit', '--quiet', '--no-verify', '-m', commit], { cwd: target });
  return target;
}

function installedRuff() {
  const venv = path.join(repo, '.bench-cache', 'ruff-venv');
  const executable = path.join(venv, 'bin', 'ruff');
  const installed = existsSync(executable) ? execFileSync(executable, ['--version'], { encoding: 'utf8' }).trim() : '';
  if (installed === `ruff ${RUFF_VERSION}`) return executable;
  if (!existsSync(path.join(venv, 'bin', 'pip'))) execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  execFileSync(path.join(venv, 'bin', 'pip'), ['install', '--quiet', `ruff==${RUFF_VERSION}`], { stdio: 'inherit' });
  return executable;
}

/** Runs a program under GNU time: wall time, CPU time (children included) and peak RSS, with its stdout. */
function timed(program, args, cwd, okCodes) {
  if (!existsSync('/usr/bin/time')) fail('this benchmark needs GNU time at /usr/bin/time (apt-get install time)');
  const statsFile = path.join(os.tmpdir(), `faultline-bench-stats-${process.pid}-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('/usr/bin/time', ['-o', statsFile, '-f', '%U %S %M', program, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    const chunks = [];
    let stderr = '';
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      if (!okCodes.includes(code)) return reject(new Error(`${path.basename(program)} ${args.join(' ')} exited ${code}\n${stderr}`));
      const [user, system, rss] = readFileSync(statsFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      rmSync(statsFile, { force: true });
      resolve({ stdout: Buffer.concat(chunks).toString('utf8'), wallMs, cpuMs: (user + system) * 1000, maxRssKb: rss });
    });
  });
}

function mb(kb) {
  return kb ? `${(kb / 1024).toFixed(0)} MB` : 'n/a';
}

function fail(message) {
  console.error(message);
  process.exit(2);
}
