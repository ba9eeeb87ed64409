/**
 * Builds the project's wheel as pip would install it and loads that copy, not the checkout: the
 * wheel is installed without dependencies into a folder of its own, put first on PYTHONPATH (the
 * dependencies come from the copy's virtual environment), and run from outside the checkout:
 * `import` of each top-level package and each console script with `--help` (or `--version`).
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { run } from '../exec.mjs';
import { isPackaged, readPyproject } from './project.mjs';

/**
 * @param {{ dir: string, work: string, logs: string, timeoutMs: number, env: Record<string, string> }} options
 * @returns {Promise<{ status: 'ok' | 'fail' | 'n/a', checks: Record<string, string> }>}
 */
export async function packAndLoad({ dir, work, logs, timeoutMs, env }) {
  const pyproject = readPyproject(dir);
  if (!isPackaged(dir, pyproject)) return { status: 'n/a', checks: { reason: 'an application: no pyproject build or setup.py' } };
  const wheels = path.join(work, 'wheel');
  const target = path.join(work, 'installed');
  mkdirSync(wheels, { recursive: true });
  const built = await run(`python -m pip wheel --no-deps --no-build-isolation --quiet --wheel-dir ${JSON.stringify(wheels)} . || python -m pip wheel --no-deps --quiet --wheel-dir ${JSON.stringify(wheels)} .`, {
    cwd: dir,
    log: path.join(logs, 'wheel.log'),
    timeoutMs,
    env,
  });
  const wheel = existsSync(wheels) ? readdirSync(wheels).find((name) => name.endsWith('.whl')) : undefined;
  if (built.exitCode !== 0 || !wheel) return { status: 'fail', checks: { wheel: 'pip wheel failed' } };
  const installed = await run(`python -m pip install --no-deps --quiet --target ${JSON.stringify(target)} ${JSON.stringify(path.join(wheels, wheel))}`, {
    cwd: work,
    log: path.join(logs, 'wheel-install.log'),
    timeoutMs,
    env,
  });
  if (installed.exitCode !== 0) return { status: 'fail', checks: { install: 'installing the wheel failed' } };

  const loadEnv = { ...env, PYTHONPATH: target };
  const short = Math.min(timeoutMs, 60_000);
  const checks = {};
  const packages = readdirSync(target, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(target, entry.name, '__init__.py')))
    .map((entry) => entry.name);
  for (const name of packages) {
    // The module must come from the wheel, not from the editable install of the checkout.
    const script = `import ${name}, sys; sys.exit(0 if ${name}.__file__.startswith(${JSON.stringify(target)}) else 'loaded from ' + ${name}.__file__)`;
    const loaded = await run(`python -c ${JSON.stringify(script)}`, { cwd: work, log: path.join(logs, `import-${name}.log`), timeoutMs: short, env: loadEnv });
    checks[`import ${name}`] = loaded.exitCode === 0 ? 'ok' : 'fail';
  }
  const scripts = Object.keys(pyproject.project?.scripts ?? {});
  for (const script of scripts) {
    const bin = JSON.stringify(path.join(target, 'bin', script));
    let result = await run(`${bin} --help </dev/null`, { cwd: work, log: path.join(logs, `bin-${script}-help.log`), timeoutMs: short, env: loadEnv });
    if (result.exitCode !== 0) result = await run(`${bin} --version </dev/null`, { cwd: work, log: path.join(logs, `bin-${script}-version.log`), timeoutMs: short, env: loadEnv });
    checks[`bin ${script}`] = result.exitCode === 0 ? 'ok' : 'fail';
  }
  if (Object.keys(checks).length === 0) return { status: 'n/a', checks: { reason: 'the wheel holds no package or script' } };
  return { status: Object.values(checks).includes('fail') ? 'fail' : 'ok', checks };
}
