// What the benchmarks share: their options, the same deterministic corpus of real files, and the same statistics.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The options every benchmark takes: `--files N --runs N --dist DIR --keep`, each benchmark giving
 * its own corpus size. Unknown flags are let through: a benchmark starts its child processes with a
 * mode flag of its own (`--floor`, `--measure`) and reads those itself.
 */
export function benchOptions(defaultFiles) {
  const { values } = parseArgs({
    options: { files: { type: 'string', default: String(defaultFiles) }, runs: { type: 'string', default: '3' }, dist: { type: 'string', default: 'dist' }, keep: { type: 'boolean', default: false } },
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
