// What `npm i faultline` costs a user, measured as they get it: packs the built package, installs the
// tarball into a fresh project, and reports the packages installed, their size on disk, and how long
// `faultline --version` takes to start as a ratio to `node -e 0` — called through npx and through node
// on the bin directly, each run interleaved with the baseline so load on the machine hits both alike.
//
// Usage: npm run build && node bench/package.bench.mjs [--runs 15] [--keep]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 15) || 15;
const keep = args.includes('--keep');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'faultline-package-bench-'));
try {
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', scratch], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
  const project = path.join(scratch, 'project');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'bench-project', version: '1.0.0', private: true }));
  execFileSync(npm, ['install', '--no-audit', '--no-fund', path.join(scratch, packed.filename)], { cwd: project, stdio: 'ignore' });

  const lock = JSON.parse(readFileSync(path.join(project, 'node_modules/.package-lock.json'), 'utf8'));
  const packages = Object.keys(lock.packages).filter((key) => key.startsWith('node_modules/')).length;
  const bytes = diskUsage(path.join(project, 'node_modules'));

  const bin = path.join(project, 'node_modules/faultline', JSON.parse(readFileSync(path.join(project, 'node_modules/faultline/package.json'), 'utf8')).bin.faultline);
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const commands = {
    baseline: [process.execPath, ['-e', '0']],
    bin: [process.execPath, [bin, '--version']],
    npx: [npx, ['faultline', '--version']],
  };
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const [name, [command, commandArgs]] of Object.entries(commands)) {
      const started = performance.now();
      const result = spawnSync(command, commandArgs, { cwd: project, stdio: 'ignore' });
      if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited with ${result.status}`);
      times[name].push(performance.now() - started);
    }
  }
  console.log(`tarball: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} kB packed`);
  console.log(`installed: ${packages} packages, ${(bytes / 1024 / 1024).toFixed(1)} MB in node_modules`);
  // The fastest run is the least disturbed by other work on the machine; the median is the typical one.
  const line = (label, values) =>
    `  ${label.padEnd(24)} median ${median(values).toFixed(0)} ms (${(median(values) / median(times.baseline)).toFixed(2)}×), fastest ${Math.min(...values).toFixed(0)} ms (${(Math.min(...values) / Math.min(...times.baseline)).toFixed(2)}×)`;
  console.log(`start-up over ${runs} interleaved runs, as a ratio to node -e 0:`);
  console.log(line('node -e 0', times.baseline));
  console.log(line('node <bin> --version', times.bin));
  console.log(line('npx faultline --version', times.npx));
} finally {
  if (keep) console.log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

/** Bytes on disk, as `du` counts them (allocated blocks), so many small files weigh what they cost. */
function diskUsage(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) total += diskUsage(full);
    else total += statSync(full).blocks * 512;
  }
  return total + statSync(dir).blocks * 512;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
