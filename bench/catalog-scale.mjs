// Times `faultline sync` and `faultline check` on a catalog of many errors against a plain Node
// script that reads and writes the same files, in the same run: the ratios say how far above
// moving the bytes the commands are, on any machine.
// Usage: npm run build && node bench/catalog-scale.mjs [errors (default 5000)]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timedNode } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist/bin/faultline.js');
const count = Number(process.argv[2] ?? 5000);

const project = mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-catalog-'));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-catalog-copy-'));
try {
  writeFileSync(path.join(project, 'package.json'), '{ "name": "bench-service", "version": "1.0.0", "type": "module" }\n');
  execFileSync(process.execPath, [bin, 'init', '--yes', '--language', 'typescript'], { cwd: project, env: { ...process.env, CI: '1' }, stdio: 'ignore' });
  const catalogPath = path.join(project, 'faultline.catalog.json');
  const catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));
  const model = catalog.errors[0];
  for (let index = 0; index < count; index++) {
    // Letters only: names and codes must be identifiers without digits in odd places.
    const word = [...String(index).padStart(5, '0')].map((digit) => String.fromCharCode(65 + Number(digit))).join('');
    catalog.errors.push({ ...model, name: `Scaled${word}Error`, code: `SCALED_${word}`, description: `${model.description} (${index})` });
  }
  writeFileSync(catalogPath, JSON.stringify(catalog, null, 2) + '\n');

  const firstSync = await timedNode(bin, ['sync'], { cwd: project });
  const files = readdirSync(project, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(project, path.join(entry.parentPath ?? entry.path, entry.name)));

  // The baseline: the same files read and written again, by a script that knows nothing else.
  const listFile = path.join(scratch, 'files.json');
  writeFileSync(listFile, JSON.stringify(files));
  const copier = path.join(scratch, 'copy.mjs');
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
  const plain = await timedNode(copier, [project, path.join(scratch, 'out'), listFile]);
  const againSync = await timedNode(bin, ['sync'], { cwd: project });
  const check = await timedNode(bin, ['check'], { cwd: project });

  // CPU time as well as wall time: on a shared machine the wall clock also counts other work's turns.
  const row = (label, run) =>
    console.log(
      `${label.padEnd(36)} wall ${(run.wallMs / 1000).toFixed(2).padStart(7)} s ${(run.wallMs / plain.wallMs).toFixed(1).padStart(6)}x` +
        `   cpu ${(run.cpuMs / 1000).toFixed(2).padStart(7)} s ${(run.cpuMs / plain.cpuMs).toFixed(1).padStart(6)}x   ${String(Math.round(run.maxRssKb / 1024)).padStart(5)} MB`,
    );
  console.log(`${count} errors added to the default catalog; ${files.length} files in the project; ratios against the plain script (target <= 5x)`);
  row('plain read + write of those files', plain);
  row('faultline sync (writes them)', firstSync);
  row('faultline sync (nothing to change)', againSync);
  row('faultline check', check);
  const ratio = (run, key) => (run[key] / plain[key]).toFixed(1);
  for (const [label, key] of [['cpu', 'cpuMs'], ['wall', 'wallMs']]) {
    console.log(`${label} ratios: first sync ${ratio(firstSync, key)}x, sync again ${ratio(againSync, key)}x, check ${ratio(check, key)}x (target <= 5x)`);
  }
} finally {
  rmSync(project, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
}
