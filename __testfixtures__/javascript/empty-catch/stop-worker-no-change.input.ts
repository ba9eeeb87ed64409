import type { ChildProcess } from 'node:child_process';

export function stopWorkers(workers: ChildProcess[]): void {
  for (const worker of workers) {
    if (worker.pid === undefined) continue;
    try {
      process.kill(worker.pid, 'SIGTERM');
    } catch (error) {}
  }
}
