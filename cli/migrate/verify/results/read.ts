/**
 * What failed in one run of the test command, from the runners' own reports: the junit XML pytest
 * was asked for through PYTEST_ADDOPTS when there is one, otherwise every runner format recognised
 * in the output (a command may run several runners: `npm test && pytest`). When no test is named,
 * the exit code stands for the whole command.
 */
import { readJest } from './jest.js';
import { readJunit } from './junit.js';
import { readMocha } from './mocha.js';
import { readNodeSpec } from './node-spec.js';
import { readPytest } from './pytest.js';
import { readTap } from './tap.js';
import type { ReportReader } from './types.js';
import { readUnittest } from './unittest.js';
import { readVitest } from './vitest.js';

const readers: ReportReader[] = [readVitest, readJest, readMocha, readNodeSpec, readTap, readPytest, readUnittest];

export interface RunFailures {
  /** The formats that were read; empty when only the exit code spoke. */
  formats: string[];
  /** Failing tests by name; a failing command that names none is one entry saying how it ended. */
  failures: string[];
}

export interface FinishedRun {
  /** stdout and stderr, interleaved as they came, without terminal colours. */
  output: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  timeoutMs: number;
  /** The junit XML pytest wrote, when it wrote one. */
  junitXml?: string;
}

export function readRunFailures(run: FinishedRun): RunFailures {
  const formats: string[] = [];
  const failures = new Set<string>();
  const junit = run.junitXml === undefined ? undefined : readJunit(run.junitXml);
  const outputReaders = junit ? readers.filter((reader) => reader !== readPytest) : readers;
  for (const report of [junit, ...outputReaders.map((reader) => reader(run.output))]) {
    if (report === undefined) continue;
    formats.push(report.format);
    for (const failure of report.failures) failures.add(failure);
  }
  if (run.timedOut) failures.add(`(the command did not finish within ${Math.round(run.timeoutMs / 1000)} s)`);
  else if (failures.size === 0 && run.signal !== null) failures.add(`(the command was killed by ${run.signal})`);
  else if (failures.size === 0 && run.exitCode !== 0) failures.add(`(the command exited with code ${run.exitCode})`);
  return { formats, failures: [...failures].sort() };
}
