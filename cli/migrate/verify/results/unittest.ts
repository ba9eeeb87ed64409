/**
 * Python's unittest runner: `FAIL: test_x (module.Class.test_x)` and `ERROR: …` headings (before
 * Python 3.11 the parentheses hold only `module.Class`).
 */
import type { ReportReader } from './types.js';

export const readUnittest: ReportReader = (output) => {
  if (!/^Ran \d+ tests? in /m.test(output)) return undefined;
  const failures = new Set<string>();
  for (const line of output.split(/\r?\n/)) {
    const failed = /^(?:FAIL|ERROR|UNEXPECTED SUCCESS): (\S+) \(([^)]+)\)/.exec(line);
    if (!failed) continue;
    const [, method, where] = failed as unknown as [string, string, string];
    failures.add(where.endsWith(`.${method}`) ? where : `${where}.${method}`);
  }
  return { format: 'unittest', failures: [...failures] };
};
