/**
 * What Ctrl-C and a closed pipe do to the command. Ctrl-C during long work that can stop cleanly
 * (between two files) asks it to stop there and say what it wrote; anywhere else the command says
 * what was written so far and exits 130. A reader that closes early (`| head -1`) has all it wanted:
 * the command ends quietly instead of dying on EPIPE.
 */
import path from 'node:path';
import { INTERRUPTED_EXIT_CODE } from './errors.js';
import { writtenNote } from './fs/written-files.js';

let stopping: AbortController | undefined;

/** Runs work that checks `signal` between steps; Ctrl-C aborts it rather than ending the process. */
export async function stoppable<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  stopping = controller;
  try {
    return await work(controller.signal);
  } finally {
    if (stopping === controller) stopping = undefined;
  }
}

export function interruptedLine(): string {
  return `interrupted: ${writtenNote((absolute) => path.relative(process.cwd(), absolute) || absolute)}`;
}

export function installProcessHandlers(): void {
  process.on('SIGINT', () => {
    // A second Ctrl-C does not wait for the work to reach a clean stop.
    if (stopping !== undefined && !stopping.signal.aborted) {
      stopping.abort();
      return;
    }
    process.stderr.write(`${interruptedLine()}\n`);
    process.exit(INTERRUPTED_EXIT_CODE);
  });
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      // Nothing more can be shown; the reader has what it wanted.
      process.exit(process.exitCode ?? 0);
    });
  }
}
