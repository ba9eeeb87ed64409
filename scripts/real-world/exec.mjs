/**
 * Runs one shell command of a real project, bounded by a timeout, with its whole output kept in a
 * log file: the harness reads the text back to count errors, a person reads the log to see why.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

// Output beyond this stays in the log only; the counters read the tail, where summaries are printed.
const MAX_KEPT_CHARS = 4_000_000;

/**
 * @param {string} command a shell command line
 * @param {{ cwd: string, log: string, timeoutMs: number, env?: Record<string, string> }} options
 * @returns {Promise<{ command: string, exitCode: number | null, timedOut: boolean, output: string, durationMs: number, log: string }>}
 */
export function run(command, { cwd, log, timeoutMs, env = {} }) {
  mkdirSync(path.dirname(log), { recursive: true });
  writeFileSync(log, `$ ${command}\n# cwd: ${cwd}\n\n`);
  const started = Date.now();
  return new Promise((resolve) => {
    // Its own process group, so a timeout also stops the servers and workers the command started.
    const child = spawn('bash', ['-c', command], {
      cwd,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timedOut = false;
    const keep = (chunk) => {
      const text = chunk.toString();
      appendFileSync(log, text);
      output += text;
      if (output.length > MAX_KEPT_CHARS) output = output.slice(-MAX_KEPT_CHARS);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone: nothing left to stop.
      }
    }, timeoutMs);
    const finish = (exitCode, error) => {
      clearTimeout(timer);
      const durationMs = Date.now() - started;
      const note = error ? `could not start: ${error.message}` : timedOut ? `timed out after ${timeoutMs} ms` : `exit ${exitCode}`;
      appendFileSync(log, `\n# ${note} (${(durationMs / 1000).toFixed(1)} s)\n`);
      resolve({ command, exitCode: timedOut ? null : exitCode, timedOut, output: stripVTControlCharacters(output), durationMs, log });
    };
    child.on('error', (error) => finish(null, error));
    child.on('close', (code) => finish(code));
  });
}
