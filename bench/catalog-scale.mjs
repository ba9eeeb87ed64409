// Times `faultline sync` and `faultline check` on a catalog of many errors against a plain Node
// script that reads and writes the same files, in the same run: the ratios say how far above
// moving the bytes the commands are, on any machine. Each round starts from a fresh copy of the
// project before its first sync, runs the plain script just before and just after that sync, and
// the ratios printed are the medians of the rounds' ratios: on a shared disk, creating a file can
// cost ten times more one minute than the next. Prettier's own time on the generated catalog module
// is printed beside them: the first sync formats that module whole, and no command that hands it to
// the project's formatter can take less.
//
// By default the project is a bare package.json with no formatter or linter of its own. With
// `--project <dir>`, an installed checkout of a real project is used instead (its node_modules is
// linked, not copied), and the project's own prettier and eslint, run on the files the first sync
// wrote, are timed as a second baseline: what the project's tools take on those files is the least
// any command that hands them to those tools can take.
// Usage: npm run build && node bench/catalog-scale.mjs [--files errors (default 5000)] [--runs rounds (default 3)] [--project dir]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchOptions, timedNode } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const options = benchOptions(5000, 3);
const bin = path.join(root, options.dist, 'bin/faultline.js');
const count = options.files;
const projectArgument = parseArgs({ options: { project: { type: 'string' } }, strict: false }).values.project;
const realProject = typeof projectArgument === 'string' ? path.resolve(projectArgument) : undefined;

const work = mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-catalog-'));
const before = path.join(work, 'before-sync');

/** Names and codes must be identifiers without digits in odd places: the index spelled in letters. */
function letters(index) {
  return [...String(index).padStart(5, '0')].map((digit) => String.fromCharCode(65 + Number(digit))).join('');
}

function listFiles(project) {
  return readdirSync(project, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !path.relative(project, entry.parentPath ?? entry.path).split(path.sep).some((part) => part === 'node_modules' || part === '.git'))
    .map((entry) => path.relative(project, path.join(entry.parentPath ?? entry.path, entry.name)));
}

/** Dirty pages of the previous step are written out first, so no step pays for another's writes. */
function settleDisk() {
  try {
    execFileSync('sync');
  } catch {
    // No sync(1): the rounds' medians still smooth it out.
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One figure per measure (wall, CPU, peak memory), each from `of(key)`. */
const measures = (of) => Object.fromEntries(['wallMs', 'cpuMs', 'maxRssKb'].map((key) => [key, of(key)]));

try {
  if (realProject) {
    // The checkout without its dependencies and history; each copy links the installed node_modules.
    cpSync(realProject, before, { recursive: true, filter: (source) => !['node_modules', '.git'].includes(path.basename(source)) });
  } else {
    mkdirSync(before);
    writeFileSync(path.join(before, 'package.json'), '{ "name": "bench-service", "version": "1.0.0", "type": "module" }\n');
  }
  const copyProject = (to) => {
    cpSync(before, to, { recursive: true });
    if (realProject) symlinkSync(path.resolve(realProject, 'node_modules'), path.join(to, 'node_modules'), 'dir');
  };
  if (!existsSync(path.join(before, 'faultline.catalog.json'))) {
    const scratch = path.join(work, 'init');
    copyProject(scratch);
    const initArgs = realProject ? ['init', '--yes'] : ['init', '--yes', '--language', 'typescript'];
    execFileSync(process.execPath, [bin, ...initArgs], { cwd: scratch, env: { ...process.env, CI: '1' }, stdio: 'ignore' });
    rmSync(path.join(scratch, 'node_modules'), { force: true });
    rmSync(before, { recursive: true, force: true });
    cpSync(scratch, before, { recursive: true });
    rmSync(scratch, { recursive: true, force: true });
  }
  const catalogPath = path.join(before, 'faultline.catalog.json');
  const catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));
  const model = catalog.errors[0];
  for (let index = 0; index < count; index++) {
    const word = letters(index);
    catalog.errors.push({ ...model, name: `Scaled${word}Error`, code: `SCALED_${word}`, description: `${model.description} (${index})` });
  }
  writeFileSync(catalogPath, JSON.stringify(catalog, null, 2) + '\n');

  // The baseline: the same files read and written again, by a script that knows nothing else.
  const copier = path.join(work, 'copy.mjs');
  writeFileSync(
    copier,
    `import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
const [from, to, list] = process.argv.slice(2);
for (const file of JSON.parse(readFileSync(list, 'utf8'))) {
  const text = readFileSync(path.join(from, file), 'utf8');
  mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
  writeFileSync(path.join(to, file), text);
}
`,
  );
  // What the project's formatter alone takes on the catalog module sync generates: no tool that
  // hands that module to prettier can do the first sync in less.
  const formatter = path.join(work, 'format.mjs');
  writeFileSync(
    formatter,
    `import { readFileSync } from 'node:fs';
const [prettierEntry, file] = process.argv.slice(2);
const prettier = await import(prettierEntry);
await prettier.format(readFileSync(file, 'utf8'), { filepath: file });
`,
  );
  const prettierEntry = import.meta.resolve('prettier');

  // A first sync outside the rounds gives the file list; the plain script copies those files from it.
  const warm = path.join(work, 'warm-up');
  copyProject(warm);
  await timedNode(bin, ['sync'], { cwd: warm });
  const files = listFiles(warm);
  const catalogModule = path.join(catalog.target.kitDir, catalog.target.language === 'typescript' ? 'catalog.ts' : 'catalog.js');
  // What the first sync wrote: the files the project's own tools are timed on.
  const written = files.filter((file) => !existsSync(path.join(before, file)) || readFileSync(path.join(before, file), 'utf8') !== readFileSync(path.join(warm, file), 'utf8'));
  const projectTool = (entry) => (realProject && existsSync(path.join(realProject, 'node_modules', entry)) ? path.join(realProject, 'node_modules', entry) : undefined);
  const projectPrettier = projectTool('prettier/bin/prettier.cjs');
  const projectEslint = projectTool('eslint/bin/eslint.js');
  const codeWritten = written.filter((file) => /\.[cm]?[jt]sx?$/.test(file));
  const listFile = path.join(work, 'files.json');
  writeFileSync(listFile, JSON.stringify(files));
  let copies = 0;
  const plainCopy = async () => {
    settleDisk();
    const out = path.join(work, `copy-${copies++}`);
    const run = await timedNode(copier, [warm, out, listFile]);
    rmSync(out, { recursive: true, force: true });
    return run;
  };

  const rounds = [];
  for (let round = 0; round < options.runs; round++) {
    const project = path.join(work, `project-${round}`);
    copyProject(project);
    // The plain script runs just before and just after the first sync, and the ratio is against their
    // mean: creating thousands of files costs the same for both, whatever the disk is doing that minute.
    const plainBefore = await plainCopy();
    settleDisk();
    const firstSync = await timedNode(bin, ['sync'], { cwd: project });
    const plainAfter = await plainCopy();
    const againSync = await timedNode(bin, ['sync'], { cwd: project });
    const check = await timedNode(bin, ['check'], { cwd: project });
    const format = await timedNode(formatter, [prettierEntry, path.join(project, catalogModule)]);
    // The project's own tools on what the first sync wrote; either exit code (files it would change,
    // problems found) still means the tool ran over every file.
    const toolRuns = [];
    if (projectPrettier) toolRuns.push(await timedNode(projectPrettier, ['--check', '--ignore-unknown', ...written], { cwd: project, okCodes: [0, 1] }));
    if (projectEslint && codeWritten.length > 0) toolRuns.push(await timedNode(projectEslint, codeWritten, { cwd: project, okCodes: [0, 1] }));
    const tools = toolRuns.length > 0 ? measures((key) => toolRuns.reduce((sum, run) => (key === 'maxRssKb' ? Math.max(sum, run[key]) : sum + run[key]), 0)) : undefined;
    const plain = measures((key) => (plainBefore[key] + plainAfter[key]) / 2);
    const ownShare = measures((key) => (key === 'maxRssKb' ? firstSync[key] : Math.max(0, firstSync[key] - format[key])));
    rounds.push({ plain, firstSync, againSync, check, format, ownShare, tools });
    rmSync(project, { recursive: true, force: true });
  }

  const steps = [
    ['plain', 'plain read + write of those files'],
    ['firstSync', 'faultline sync (writes them)'],
    ['againSync', 'faultline sync (nothing to change)'],
    ['check', 'faultline check'],
    ['format', `prettier alone on ${catalogModule}`],
    ['ownShare', 'first sync less prettier on that module'],
    ...(rounds[0].tools ? [['tools', "the project's prettier + eslint on them"]] : []),
  ];
  const ratio = (step, key) => median(rounds.map((r) => r[step][key] / r.plain[key]));
  console.log(`${count} errors added to the default catalog; ${files.length} files in the project; ${rounds.length} rounds; medians, ratios against the plain script (target <= 5x)`);
  for (const [step, label] of steps) {
    const value = (key) => median(rounds.map((r) => r[step][key]));
    console.log(
      `${label.padEnd(40)} wall ${(value('wallMs') / 1000).toFixed(2).padStart(7)} s ${ratio(step, 'wallMs').toFixed(1).padStart(6)}x` +
        `   cpu ${(value('cpuMs') / 1000).toFixed(2).padStart(7)} s ${ratio(step, 'cpuMs').toFixed(1).padStart(6)}x   ${String(Math.round(value('maxRssKb') / 1024)).padStart(5)} MB`,
    );
  }
  for (const [label, key] of [['cpu', 'cpuMs'], ['wall', 'wallMs']]) {
    console.log(
      `${label} ratios: first sync ${ratio('firstSync', key).toFixed(1)}x, sync again ${ratio('againSync', key).toFixed(1)}x, check ${ratio('check', key).toFixed(1)}x` +
        ` (target <= 5x); prettier alone on the catalog module ${ratio('format', key).toFixed(1)}x, first sync less that ${ratio('ownShare', key).toFixed(1)}x`,
    );
  }
  if (rounds[0].tools) {
    const againstTools = (step) => median(rounds.map((r) => r[step].cpuMs / r.tools.cpuMs)).toFixed(1);
    console.log(
      `cpu against the project's own prettier and eslint on the ${written.length} files the first sync wrote (${codeWritten.length} of them code):` +
        ` first sync ${againstTools('firstSync')}x, sync again ${againstTools('againSync')}x, check ${againstTools('check')}x`,
    );
  }
  const of = (r, step) => (r[step].cpuMs / r.plain.cpuMs).toFixed(1);
  for (const r of rounds) {
    console.log(`round, cpu: plain ${(r.plain.cpuMs / 1000).toFixed(2)} s; first sync ${of(r, 'firstSync')}x, sync again ${of(r, 'againSync')}x, check ${of(r, 'check')}x, prettier alone ${of(r, 'format')}x`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
