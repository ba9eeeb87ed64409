// Times `faultline init --yes` in an empty folder against a bare `node` start in the same run, so
// the figure can be read as a ratio on any machine as well as in seconds on this one.
// Usage: npm run build && node bench/init.mjs [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, timedNode } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist/bin/faultline.js');
const runs = Number(process.argv[2] ?? 5);

const baseline = [];
const init = [];
for (let i = 0; i < runs; i++) {
  // `node -e ''`: the script argument is handed to node as it is.
  baseline.push(await timedNode('-e', ['']));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-init-'));
  init.push(await timedNode(bin, ['init', '--yes'], { cwd: dir }));
  rmSync(dir, { recursive: true, force: true });
}

const b = median(baseline).wallMs;
const m = median(init);
console.log(`node start (baseline):     ${b.toFixed(0)} ms (median of ${runs})`);
console.log(`faultline init --yes:      ${m.wallMs.toFixed(0)} ms (median of ${runs}), worst ${Math.max(...init.map((run) => run.wallMs)).toFixed(0)} ms, ${m.cpuMs.toFixed(0)} ms CPU`);
console.log(`ratio init / node start:   ${(m.wallMs / b).toFixed(1)}x`);
