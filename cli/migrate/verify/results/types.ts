/**
 * A test runner's report read back from what it printed (or wrote) for one run of the test command.
 * Failures are named the same way on every run, so the failures of two runs can be compared.
 */
export interface RunnerReport {
  /** The format that was read: `tap`, `vitest`, `junit`… */
  format: string;
  /** Names of the failing tests, suites or files, without durations. */
  failures: string[];
}

/** Reads one runner's output; undefined when the output is not in its format. */
export type ReportReader = (output: string) => RunnerReport | undefined;

/** `1.2ms`, `(5 ms)`, `10ms` at the end of a test's line: they change from run to run. */
export function withoutDuration(name: string): string {
  return name.replace(/\s*\(?\d+(?:\.\d+)?\s*m?s\)?\s*$/, '').trim();
}

/** `a/b/test_x.py` → `a.b.test_x`: how pytest's junit XML and unittest name a test module. */
export function moduleOfPath(file: string): string {
  return file.replace(/\\/g, '/').replace(/\.py$/, '').replace(/\//g, '.');
}
