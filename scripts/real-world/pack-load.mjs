/**
 * Packs the project as npm would publish it and loads the packed copy from a fresh consumer project:
 * `require` and `import` of the package, and each bin with `--help` (or `--version`). What a user of
 * the package gets, not what the repository holds.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './exec.mjs';

/**
 * @param {{ dir: string, pkg: Record<string, any>, work: string, logs: string, timeoutMs: number, env: Record<string, string> }} options
 * @returns {Promise<{ status: 'ok' | 'fail' | 'n/a', checks: Record<string, string> }>}
 */
export async function packAndLoad({ dir, pkg, work, logs, timeoutMs, env }) {
  if (pkg.private) return { status: 'n/a', checks: { reason: 'private package' } };
  const bins = typeof pkg.bin === 'string' ? [pkg.name.replace(/^@[^/]+\//, '')] : Object.keys(pkg.bin ?? {});
  const hasEntry = Boolean(pkg.main || pkg.exports || pkg.module) || existsSync(path.join(dir, 'index.js'));
  if (!hasEntry && bins.length === 0) return { status: 'n/a', checks: { reason: 'nothing to load: no main, exports, index.js or bin' } };
  const checks = {};
  const tarballs = path.join(work, 'tarball');
  const consumer = path.join(work, 'consumer');
  mkdirSync(tarballs, { recursive: true });
  mkdirSync(consumer, { recursive: true });
  const short = Math.min(timeoutMs, 60_000);

  const packed = await run(`npm pack --pack-destination ${JSON.stringify(tarballs)}`, { cwd: dir, log: path.join(logs, 'pack.log'), timeoutMs, env });
  const tarball = readdirSync(tarballs).find((name) => name.endsWith('.tgz'));
  if (packed.exitCode !== 0 || !tarball) return { status: 'fail', checks: { pack: 'npm pack failed' } };

  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'real-world-consumer', version: '1.0.0', private: true }));
  const installed = await run(`npm install --omit=dev --no-package-lock ${JSON.stringify(path.join(tarballs, tarball))}`, {
    cwd: consumer,
    log: path.join(logs, 'pack-install.log'),
    timeoutMs,
    env,
  });
  if (installed.exitCode !== 0) return { status: 'fail', checks: { install: 'installing the packed package failed' } };

  const name = JSON.stringify(pkg.name);
  if (hasEntry) {
    const imported = await run(`node --input-type=module -e "await import(${name.replaceAll('"', '\\"')})"`, { cwd: consumer, log: path.join(logs, 'load-import.log'), timeoutMs: short, env });
    checks.import = imported.exitCode === 0 ? 'ok' : 'fail';
    const required = await run(`node -e "require(${name.replaceAll('"', '\\"')})"`, { cwd: consumer, log: path.join(logs, 'load-require.log'), timeoutMs: short, env });
    // An ESM-only package that Node cannot require is as published, not broken.
    checks.require = required.exitCode === 0 ? 'ok' : /ERR_REQUIRE_(ESM|ASYNC_MODULE)/.test(required.output) ? 'n/a' : 'fail';
  }
  for (const bin of bins) {
    const binPath = JSON.stringify(path.join(consumer, 'node_modules', '.bin', bin));
    let result = await run(`${binPath} --help </dev/null`, { cwd: consumer, log: path.join(logs, `bin-${bin}-help.log`), timeoutMs: short, env });
    if (result.exitCode !== 0) {
      result = await run(`${binPath} --version </dev/null`, { cwd: consumer, log: path.join(logs, `bin-${bin}-version.log`), timeoutMs: short, env });
    }
    checks[`bin ${bin}`] = result.exitCode === 0 ? 'ok' : 'fail';
  }
  const status = Object.values(checks).includes('fail') ? 'fail' : 'ok';
  return { status, checks };
}
