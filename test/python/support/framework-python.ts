import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/cli.js';

/**
 * The Python that has the real FastAPI and Flask: a virtual environment made once for every test
 * file that needs it, with the pinned requirements installed from PyPI, and reused while the
 * requirements and the interpreter stay the same. Python is a language faultline supports, so a
 * machine without python3 or its venv module fails these tests with what to install, as a failing
 * install does.
 */
const requirements = path.join(repoRoot, 'test/python/frameworks-requirements.txt');
const cacheRoot = path.join(repoRoot, 'node_modules/.cache/faultline-python');
const INSTALL_WAIT_MS = 600_000;

function python3(args: string[]): { ok: boolean; output: string } {
  const result = spawnSync('python3', args, { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** Why the framework tests cannot run on this machine, or undefined when they can. */
function frameworkPythonMissing(): string | undefined {
  const version = python3(['-c', 'import sys; print(sys.version)']);
  if (!version.ok) return 'python3 is not installed: the FastAPI and Flask adapter tests need it';
  if (!python3(['-c', 'import venv, ensurepip']).ok) return 'python3 has no venv/ensurepip module (Debian: apt-get install python3-venv): the FastAPI and Flask adapter tests need it';
  return undefined;
}

function cacheKey(): string {
  const interpreter = python3(['-c', 'import sys; print(sys.version, sys.executable)']).output;
  return createHash('sha256').update(readFileSync(requirements)).update(interpreter).digest('hex').slice(0, 16);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The process holding the lock; 0 while it has not written its id yet (or the lock just went). */
function lockHolder(lock: string): number {
  try {
    return Number(readFileSync(path.join(lock, 'pid'), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The path of the environment's python, creating the environment on first use. Test files run in
 * parallel workers: the first takes a lock and installs, the others wait for it to finish.
 */
export function frameworkPython(): string {
  const missing = frameworkPythonMissing();
  if (missing !== undefined) throw new Error(missing);
  const venv = path.join(cacheRoot, cacheKey());
  const bin = path.join(venv, 'bin', 'python');
  // Written last: an environment without it was interrupted and is made again.
  const ready = path.join(venv, 'faultline-ready');
  if (existsSync(ready)) return bin;
  mkdirSync(cacheRoot, { recursive: true });
  const lock = `${venv}.lock`;
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (existsSync(ready)) return bin;
      const holder = lockHolder(lock);
      if (holder > 0 && !alive(holder)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() - started > INSTALL_WAIT_MS) throw new Error(`waited ${INSTALL_WAIT_MS / 1000} s for another test file installing ${venv}`);
      else sleep(500);
    }
  }
  try {
    if (existsSync(ready)) return bin;
    rmSync(venv, { recursive: true, force: true });
    const made = python3(['-m', 'venv', venv]);
    if (!made.ok) throw new Error(`python3 -m venv failed:\n${made.output}`);
    const pip = spawnSync(bin, ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-q', '-r', requirements], { encoding: 'utf8' });
    if (pip.status !== 0) {
      rmSync(venv, { recursive: true, force: true });
      throw new Error(`pip install -r ${path.relative(repoRoot, requirements)} failed (PyPI must be reachable):\n${pip.stdout}${pip.stderr}`);
    }
    writeFileSync(ready, readFileSync(requirements));
    return bin;
  } finally {
    rmSync(path.join(lock, 'pid'), { force: true });
    rmdirSync(lock);
  }
}
