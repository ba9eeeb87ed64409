// Times `faultline init --yes` in an empty folder against a bare `node` start in the same run, so
// the figure can be read as a ratio on any machine as well as in seconds on this one.
// Usage: npm run build && node bench/init.mjs [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist/bin/faultline.js');
const runs = Number(process.argv[2] ?? 5);

function time(args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'ignore', env: { ...process.env, CI: '1', NO_COLOR: '1' } });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const baseline = [];
const init = [];
for (let i = 0; i < runs; i++) {
  baseline.push(time(['-e', '']));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-init-'));
  init.push(time([bin, 'init', '--yes'], dir));
  rmSync(dir, { recursive: true, force: true });
}

const b = median(baseline);
const m = median(init);
console.log(`node start (baseline):     ${b.toFixed(0)} ms (median of ${runs})`);
console.log(`faultline init --yes:      ${m.toFixed(0)} ms (median of ${runs}), worst ${Math.max(...init).toFixed(0)} ms`);
console.log(`ratio init / node start:   ${(m / b).toFixed(1)}x`);
