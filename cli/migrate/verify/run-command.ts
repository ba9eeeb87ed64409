/**
 * One run of the project's test command, in a shell, as its own process group so that a run that
 * hangs or is interrupted is ended with everything it started. The command is the user's, unchanged;
 * only its environment says: no colours, CI (no watch mode, no snapshot writing), and for pytest a
 * junit XML report in a temporary file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { FinishedRun } from './results/read.js';

/** Output past this is dropped from the middle: reports print their failures at the end. */
const MAX_OUTPUT = 8 * 1024 * 1024;
/** After SIGTERM, how long a timed-out command gets before SIGKILL. */
const KILL_GRACE_MS = 2000;
/** After the shell exits, how long stray children may keep its output open. */
const CLOSE_GRACE_MS = 1000;

export interface CommandRun {
  finished: Promise<FinishedRun>;
  /** Ends the whole process group now (an interrupt); safe to call from a signal or exit handler. */
  kill(): void;
}

export function runTestCommand(command: string, options: { cwd: string; timeoutMs: number }): CommandRun {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'faultline-verify-'));
  const junitPath = path.join(scratch, 'junit.xml');
  const child = spawn(command, {
    cwd: options.cwd,
    shell: true,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CI: 'true',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      PYTEST_ADDOPTS: [process.env.PYTEST_ADDOPTS, `--junitxml=${junitPath}`].filter(Boolean).join(' '),
    },
  });
  let head = '';
  let tail = '';
  const take = (chunk: Buffer): void => {
    if (head.length < MAX_OUTPUT / 2) head += chunk.toString('utf8');
    else tail = (tail + chunk.toString('utf8')).slice(-MAX_OUTPUT / 2);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    signalGroup(child, 'SIGTERM');
    setTimeout(() => signalGroup(child, 'SIGKILL'), KILL_GRACE_MS).unref();
  }, options.timeoutMs);

  const finished = new Promise<FinishedRun>((resolve) => {
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let resolved = false;
    const done = (): void => {
      if (resolved) return;
      resolved = true;
      clearTimeout(timer);
      let junitXml: string | undefined;
      try {
        junitXml = readFileSync(junitPath, 'utf8');
      } catch {
        junitXml = undefined;
      }
      rmSync(scratch, { recursive: true, force: true });
      const output = stripVTControlCharacters(tail === '' ? head : `${head}\n…\n${tail}`);
      resolve({ output, exitCode: exit?.code ?? null, signal: exit?.signal ?? null, timedOut, timeoutMs: options.timeoutMs, junitXml });
    };
    child.on('error', (error) => {
      head += `\n${error.message}\n`;
      exit = { code: 127, signal: null };
      done();
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // Whatever the command left running (a server, a watcher) goes with it.
      signalGroup(child, 'SIGKILL');
      const grace = setTimeout(done, CLOSE_GRACE_MS);
      child.on('close', () => {
        clearTimeout(grace);
        done();
      });
    });
  });
  let settled = false;
  const once = finished.then((run) => {
    settled = true;
    return run;
  });
  return {
    finished: once,
    kill() {
      if (!settled) signalGroup(child, 'SIGKILL');
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}
