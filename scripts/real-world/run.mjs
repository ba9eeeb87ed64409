#!/usr/bin/env node
/**
 * Real-projects harness: runs faultline on checkouts of real open-source projects and records what
 * their own type-checker, linter and tests say before and after, and whether the packed package
 * still loads. Not part of `npm test`: it installs real dependencies and takes minutes per project.
 *
 *   npm run real-world -- [--migrate] [--config projects.json] [--out dir] <checkout dirs...>
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { parsePatch } from 'diff';
import { countLintErrors, countTests, countTypeErrors, lintLocations } from './counts.mjs';
import { run } from './exec.mjs';
import { javascript } from './javascript/index.mjs';
import { python } from './python/index.mjs';
import { formatMarkdown, formatTable, tableRows } from './report.mjs';

/**
 * Each language's steps behind one shape: what stays out of git, the tools' environment, the install,
 * the commands, the sources migrate is given and how the packed project is loaded. The projects
 * file's `language` chooses; a checkout without an entry is Python when it has Python packaging
 * files and no package.json.
 */
const LANGUAGES = { javascript, typescript: javascript, python };
function languageOf(dir, entry) {
  if (entry.language) return LANGUAGES[entry.language] ?? fail(`${dir}: the projects file names language "${entry.language}": use javascript, typescript or python`);
  return [javascript, python].find((language) => language.matches(dir));
}

const USAGE = [
  'usage: npm run real-world -- [--migrate] [--config <projects.json>] [--out <dir>] [--scratch <dir>] [--timeout <minutes>] [--keep] <checkout dirs...>',
  '       npm run real-world -- --recount <results dir>   (count again from the saved logs)',
].join('\n');
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const faultline = path.join(repoRoot, 'dist', 'bin', 'faultline.js');

function fail(message) {
  console.error(message);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      migrate: { type: 'boolean', default: false },
      config: { type: 'string', default: path.join(import.meta.dirname, 'projects.json') },
      out: { type: 'string' },
      scratch: { type: 'string' },
      timeout: { type: 'string', default: '10' },
      keep: { type: 'boolean', default: false },
      recount: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(`${error.message}\n${USAGE}`);
}
const { values: flags, positionals: checkouts } = parsed;
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const COUNTERS = { typecheck: countTypeErrors, lint: countLintErrors, test: countTests };

/** Sets a check's count from the tool's output: failed tests for the test step, errors otherwise. */
function applyCount(check, name, output) {
  const counted = COUNTERS[name] ? COUNTERS[name](output, check.command) : null;
  if (name === 'test') {
    check.count = counted?.failed ?? null;
    check.passed = counted?.passed ?? null;
  } else {
    // A checker that exits 0 found no errors, whether or not it prints a summary.
    check.count = counted ?? (check.exitCode === 0 ? 0 : null);
  }
}

if (flags.recount) {
  // The logs hold everything the counters read: a better counter needs no new run.
  const dir = path.resolve(flags.recount);
  const saved = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'));
  for (const result of saved.results) {
    for (const phase of Object.values(result.phases)) {
      for (const name of Object.keys(COUNTERS)) {
        if (phase[name]) applyCount(phase[name], name, stripVTControlCharacters(readFileSync(path.join(dir, phase[name].log), 'utf8')));
      }
    }
  }
  writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(saved, null, 2)}\n`);
  writeFileSync(path.join(dir, 'results.md'), formatMarkdown(saved.results, saved));
  console.log(formatTable(tableRows(saved.results, saved)));
  process.exit(0);
}
const config = existsSync(flags.config) ? JSON.parse(readFileSync(flags.config, 'utf8')).projects ?? {} : {};
if (checkouts.length === 0) fail(`give at least one checkout directory\n${USAGE}`);
if (!existsSync(faultline)) fail(`${faultline} is missing: run \`npm run build\` first`);
for (const dir of checkouts) {
  if (!existsSync(dir)) fail(`${dir} does not exist: give the folder of a project checkout`);
  if (!languageOf(dir, config[path.basename(path.resolve(dir))] ?? {})) fail(`${dir} has no package.json, pyproject.toml, setup.py, setup.cfg or requirements.txt: give the folder of a project checkout`);
}
const timeoutMs = Number(flags.timeout) * 60_000;
if (!(timeoutMs > 0)) fail(`--timeout takes minutes, e.g. --timeout 10 (got "${flags.timeout}")`);

const started = new Date().toISOString().replace(/[:.]/g, '-');
const outDir = path.resolve(flags.out ?? path.join(path.dirname(path.resolve(checkouts[0])), 'results', started));
const scratchRoot = path.resolve(flags.scratch ?? path.join(os.tmpdir(), 'faultline-real-world', started));
mkdirSync(outDir, { recursive: true });

// pnpm and yarn through corepack, for installs and for scripts that call them. Corepack's own
// default version, because resolving "latest" needs registry signatures this corepack cannot check.
const shims = path.join(scratchRoot, 'bin');
mkdirSync(shims, { recursive: true });
for (const manager of ['pnpm', 'yarn']) {
  writeFileSync(path.join(shims, manager), `#!/bin/sh\nexec corepack ${manager} "$@"\n`, { mode: 0o755 });
}

const git = (dir, args, log, env) => run(`git -c user.email=real-world@localhost -c user.name=real-world ${args}`, { cwd: dir, log, timeoutMs, env });

/** Back to the last commit, keeping installed dependencies but dropping build output and anything a step wrote. */
async function resetTree(dir, log, env, language) {
  await git(dir, 'checkout -- .', log, env);
  await git(dir, `clean -fdx ${language.keep.map((pattern) => `-e '${pattern}'`).join(' ')}`, log, env);
}

/** Build, type-check, lint and test, then pack and load: one phase's figures. */
async function checkPhase(phase, { dir, commands, logs, env, language, pack }) {
  const result = {};
  const step = async (name) => {
    if (!commands[name]) return null;
    const output = await run(commands[name], { cwd: dir, log: path.join(logs, `${phase}-${name}.log`), timeoutMs, env });
    const check = { command: commands[name], exitCode: output.exitCode, timedOut: output.timedOut, durationMs: output.durationMs, log: path.relative(outDir, output.log) };
    applyCount(check, name, output.output);
    result[name] = check;
    return output;
  };
  await step('build');
  await step('typecheck');
  const lint = await step('lint');
  if (lint) {
    result.lintLocations = lintLocations(lint.output, commands.lint).map((problem) => ({ ...problem, file: path.relative(dir, path.resolve(dir, problem.file)) }));
    result.lintOutput = lint.output;
  }
  await step('test');
  result.pack = pack === false ? { status: 'n/a', checks: { reason: 'not packaged (projects file)' } } : await language.packAndLoad({ dir, work: path.join(path.dirname(dir), `pack-${phase}`), logs: path.join(logs, `${phase}-pack`), timeoutMs, env });
  return result;
}

/**
 * Lint problems in `files` after a phase that were not there before it, compared without their
 * positions (a rewrite moves the lines below it): located problems by their text, and lines of the
 * linter's output that name one of the files without a position (a formatter's "format issues in …").
 */
function newLintInFiles(before, after, files) {
  const positionless = (text) => text.replace(/^\S*?:\d+(?::\d+)?:?\s*/, '').replace(/^(?:✖\s+)?\d+:\d+\s+/, '');
  const tally = (phase, file) => {
    const counts = new Map();
    const add = (key) => counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const problem of phase?.lintLocations ?? []) if (problem.file === file) add(positionless(problem.text));
    for (const line of (phase?.lintOutput ?? '').split('\n')) {
      const at = line.indexOf(file);
      // A line naming the file with no position after it (`[warn] src/a.ts`, `src/a.ts (0ms)` from a
      // formatter's check), other than a stylish header, which is the path alone. Numbers are timings.
      const alone = line.trim() === file || line.trim().endsWith(`/${file}`);
      if (at !== -1 && !alone && !/^:\d/.test(line.slice(at + file.length))) add(`(file) ${line.trim().replace(/\d+/g, '#')}`);
    }
    return counts;
  };
  const fresh = [];
  for (const file of files) {
    const was = tally(before, file);
    for (const [key, count] of tally(after, file)) {
      for (let extra = count - (was.get(key) ?? 0); extra > 0; extra--) fresh.push(`${file}: ${key}`);
    }
  }
  return fresh;
}

/** Lines a diff adds, per file, to find lint problems on changed lines. */
function addedLines(patchText) {
  const added = new Map();
  for (const file of parsePatch(patchText)) {
    const name = file.newFileName?.replace(/^b\//, '');
    if (!name) continue;
    const lines = new Set();
    for (const hunk of file.hunks) {
      let line = hunk.newStart;
      for (const text of hunk.lines) {
        if (text.startsWith('+')) lines.add(line);
        if (!text.startsWith('-') && !text.startsWith('\\')) line += 1;
      }
    }
    added.set(name, lines);
  }
  return added;
}

async function runProject(checkout) {
  const source = path.resolve(checkout);
  const name = path.basename(source);
  const entry = config[name] ?? {};
  const results = path.join(outDir, name);
  const logs = path.join(results, 'logs');
  const work = path.join(scratchRoot, name, 'work');
  mkdirSync(logs, { recursive: true });
  console.error(`\n[${name}] copying to ${work}`);
  // The original checkout is never touched: everything runs on this copy.
  cpSync(source, work, { recursive: true, filter: (file) => !['node_modules', '.venv'].includes(path.basename(file)) });
  const language = languageOf(source, entry);
  const env = language.toolEnv(work, shims);
  const gitLog = path.join(logs, 'git.log');
  if (!existsSync(path.join(work, '.git'))) {
    await git(work, 'init -q', gitLog, env);
    // Everything the checkout holds, ignored files too: the resets between phases would delete a
    // fixture the project's .gitignore names (a .DS_Store a test reads) and fail its tests.
    await git(work, 'add -A -f', gitLog, env);
    await git(work, 'commit -qm original', gitLog, env);
  }
  mkdirSync(path.join(work, '.git', 'info'), { recursive: true });
  // An install writes a lockfile the project does not keep; it is not part of what init changes.
  const tracked = (await git(work, 'ls-files', gitLog, env)).output.split('\n');
  const lockfiles = language.writtenByInstall.filter((file) => !tracked.includes(file));
  writeFileSync(path.join(work, '.git', 'info', 'exclude'), [...language.keep.map((pattern) => `${pattern}/`), ...lockfiles, ''].join('\n'));
  const head = (await git(work, 'rev-parse HEAD', gitLog, env)).output.trim().split('\n').pop();
  const original = head;

  const { install, reinstall } = language.install(work, entry);
  const result = {
    name,
    repo: entry.repo ?? null,
    commit: (entry.commit ?? head).slice(0, 12),
    language: language.name,
    kind: entry.kind ?? language.kind(work),
    install,
    phases: {},
  };
  console.error(`[${name}] installing: ${install}`);
  const installed = await run(install, { cwd: work, log: path.join(logs, 'install.log'), timeoutMs, env });
  if (installed.exitCode !== 0) return { ...result, error: `install failed (${path.relative(outDir, installed.log)})` };
  const commands = language.commands(work, entry.commands ?? {});
  result.commands = commands;

  console.error(`[${name}] before`);
  result.phases.before = await checkPhase('before', { dir: work, commands, logs, env, language, pack: entry.pack });
  await resetTree(work, gitLog, env, language);

  console.error(`[${name}] faultline init --yes`);
  const dependenciesBefore = language.dependencies(work);
  const init = await run(`node ${JSON.stringify(faultline)} init --yes`, { cwd: work, log: path.join(logs, 'faultline-init.log'), timeoutMs, env });
  result.init = { exitCode: init.exitCode, reinstalled: false };
  if (dependenciesBefore !== language.dependencies(work)) {
    result.init.reinstalled = true;
    await run(reinstall, { cwd: work, log: path.join(logs, 'init-install.log'), timeoutMs, env });
  }
  await git(work, 'add -A', gitLog, env);
  await git(work, 'commit -qm "faultline init --yes" --allow-empty', gitLog, env);
  writeFileSync(path.join(results, 'init.diff'), (await git(work, `diff ${original} HEAD`, path.join(logs, 'init-diff.log'), env)).output);
  const initCommands = language.commands(work, entry.commands ?? {});
  result.phases.init = await checkPhase('init', { dir: work, commands: initCommands, logs, env, language, pack: entry.pack });

  if (flags.migrate) {
    await resetTree(work, gitLog, env, language);
    const catalogFile = path.join(work, 'faultline.catalog.json');
    const catalog = existsSync(catalogFile) ? JSON.parse(readFileSync(catalogFile, 'utf8')) : null;
    const sources = language.sources(work, catalog, entry.sources);
    console.error(`[${name}] faultline migrate ${sources.join(' ')}`);
    const reportFile = path.join(results, 'migrate-report.json');
    const migrated = await run(`node ${JSON.stringify(faultline)} migrate ${sources.map((s) => JSON.stringify(s)).join(' ')} --force --json > ${JSON.stringify(reportFile)}`, {
      cwd: work,
      log: path.join(logs, 'faultline-migrate.log'),
      timeoutMs,
      env,
    });
    let report = null;
    try {
      report = JSON.parse(readFileSync(reportFile, 'utf8'));
    } catch {
      // No JSON: migrate stopped before reporting; its log says why.
    }
    const diff = (await git(work, 'diff HEAD', path.join(logs, 'migrate-diff.log'), env)).output;
    writeFileSync(path.join(results, 'migrate.diff'), diff);
    await git(work, 'add -A', gitLog, env);
    await git(work, 'commit -qm "faultline migrate" --allow-empty', gitLog, env);
    const perTransform = report?.perTransform ?? {};
    result.migrate = {
      sources,
      exitCode: migrated.exitCode,
      files: report?.changed?.length ?? 0,
      sites: Object.values(perTransform).reduce((total, counts) => total + counts.fixed, 0),
      perTransform,
    };
    result.phases.migrate = await checkPhase('migrate', { dir: work, commands: initCommands, logs, env, language, pack: entry.pack });
    const added = addedLines(diff);
    const onChanged = (result.phases.migrate.lintLocations ?? []).filter((problem) => added.get(problem.file)?.has(problem.line));
    result.migrate.lintProblemsOnChangedLines = onChanged.map((problem) => `${problem.file}:${problem.line} ${problem.text}`);
    // Problems a rewrite causes away from its lines (an import order reported at line 1, a formatter
    // naming the whole file) count too: what the changed files have after migrate and did not before.
    const fresh = newLintInFiles(result.phases.init, result.phases.migrate, [...added.keys()]);
    result.migrate.lintInChangedFiles = result.phases.migrate.lint ? fresh.length : undefined;
    result.migrate.lintProblemsInChangedFiles = fresh;

    // A second run over the migrated code must find nothing left to change.
    await resetTree(work, gitLog, env, language);
    const secondReportFile = path.join(results, 'migrate-second-report.json');
    const second = await run(`node ${JSON.stringify(faultline)} migrate ${sources.map((s) => JSON.stringify(s)).join(' ')} --json > ${JSON.stringify(secondReportFile)}`, {
      cwd: work,
      log: path.join(logs, 'faultline-migrate-second.log'),
      timeoutMs,
      env,
    });
    let secondReport = null;
    try {
      secondReport = JSON.parse(readFileSync(secondReportFile, 'utf8'));
    } catch {
      // No JSON: the second run stopped before reporting; its log says why.
    }
    const secondDiff = (await git(work, 'diff HEAD', path.join(logs, 'migrate-second-diff.log'), env)).output;
    writeFileSync(path.join(results, 'migrate-second.diff'), secondDiff);
    result.migrate.secondRun = {
      exitCode: second.exitCode,
      files: secondReport?.changed?.length ?? null,
      sites: secondReport ? Object.values(secondReport.perTransform ?? {}).reduce((total, counts) => total + counts.fixed, 0) : null,
      diffLines: secondDiff.split('\n').filter((line) => /^[-+](?![-+]{2})/.test(line)).length,
    };
  }
  for (const phase of Object.values(result.phases)) {
    delete phase.lintLocations;
    delete phase.lintOutput;
  }
  if (!flags.keep) rmSync(path.join(scratchRoot, name), { recursive: true, force: true });
  return result;
}

const faultlineVersion = (await run(`git -C ${JSON.stringify(repoRoot)} log -1 --format="%h %s"`, { cwd: repoRoot, log: path.join(outDir, 'faultline-version.log'), timeoutMs })).output.trim().split('\n').pop();
const all = [];
for (const checkout of checkouts) {
  try {
    all.push(await runProject(checkout));
  } catch (error) {
    all.push({ name: path.basename(path.resolve(checkout)), error: error.message, phases: {} });
  }
  // Written after every project, so an interrupted run still leaves what it measured.
  writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify({ started, faultline: faultlineVersion, migrate: flags.migrate, results: all }, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'results.md'), formatMarkdown(all, { migrate: flags.migrate, faultline: faultlineVersion, started }));
}
console.log(formatTable(tableRows(all, { migrate: flags.migrate })));
console.log(`\nresults, diffs and logs: ${outDir}`);
