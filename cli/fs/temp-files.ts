/**
 * Every file faultline writes goes first to a temporary file beside it (`a.js.844286329`), which is
 * then renamed over the original. A run killed outright (`kill -9`, a power cut) can leave that
 * temporary file behind, under a name nobody would recognise. Each one is noted, with the process
 * that made it, in a list the next run reads: what a dead process left is removed and named.
 */
import { appendFileSync, lstatSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function listPath(): string {
  const user = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return process.env.FAULTLINE_TEMP_LIST ?? path.join(os.tmpdir(), `faultline-temp-files-${user}.list`);
}

let exitHookInstalled = false;

/** Notes a temporary file this process is about to fill and rename. */
export function noteTempFile(tempPath: string): void {
  appendFileSync(listPath(), `${process.pid}\t${tempPath}\n`);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // This process's files are renamed or removed by the time it exits (write-file-atomic removes
    // them on failure and on signals): its lines are no longer needed.
    process.on('exit', () => keepOnly((pid) => pid !== process.pid));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function entries(): Array<{ pid: number; file: string }> {
  let text: string;
  try {
    text = readFileSync(listPath(), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((line) => /^(\d+)\t(.+)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), file: match[2] as string }));
}

function keepOnly(keep: (pid: number) => boolean): void {
  const kept = entries().filter((entry) => keep(entry.pid));
  try {
    if (kept.length === 0) rmSync(listPath(), { force: true });
    else writeFileSync(listPath(), kept.map((entry) => `${entry.pid}\t${entry.file}\n`).join(''));
  } catch {
    // The list only helps the next run tidy up; failing to update it changes nothing else.
  }
}

/**
 * Removes the temporary files that runs no longer alive left behind, and returns their paths. The
 * files of a run still going (another faultline in another terminal) are left to it.
 */
export function removeLeftoverTempFiles(): string[] {
  const found = entries();
  if (found.length === 0) return [];
  const removed: string[] = [];
  const alive = new Map<number, boolean>();
  for (const { pid, file } of found) {
    let running = alive.get(pid);
    if (running === undefined) alive.set(pid, (running = pid !== process.pid && isRunning(pid)));
    if (running) continue;
    try {
      if (!lstatSync(file).isFile()) continue;
      unlinkSync(file);
      removed.push(file);
    } catch {
      // Already renamed into place or removed: nothing was left.
    }
  }
  keepOnly((pid) => alive.get(pid) === true);
  return removed;
}
