/**
 * TAP, as `node --test` prints it when its output is not a terminal (and tap, tape, ava --tap…).
 * Subtests are indented by four spaces under a `# Subtest: name` line, so a failing test is named
 * with the chain of its parents: `outer suite > inner > test`.
 */
import type { ReportReader } from './types.js';

const NOT_OK = /^(\s*)not ok \d+(?:\s*-\s*(.*))?$/;
const SUBTEST = /^(\s*)# Subtest: (.*)$/;

export const readTap: ReportReader = (output) => {
  if (!/^TAP version \d+$/m.test(output) && !/^\s*1\.\.\d+\s*$/m.test(output)) return undefined;
  if (!/^\s*(?:not )?ok \d+/m.test(output)) return undefined;
  const parents: string[] = [];
  const failures: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    const subtest = SUBTEST.exec(line);
    if (subtest) {
      const depth = Math.floor((subtest[1] as string).length / 4);
      parents.length = depth;
      parents[depth] = (subtest[2] as string).trim();
      continue;
    }
    const failed = NOT_OK.exec(line);
    if (!failed) continue;
    const title = (failed[2] ?? '').trim();
    // A directive marks a failure the suite expects.
    if (/#\s*(?:TODO|SKIP)\b/i.test(title)) continue;
    const depth = Math.floor((failed[1] as string).length / 4);
    const name = title.replace(/\s+#.*$/, '') || `test ${failures.length + 1}`;
    failures.push([...parents.slice(0, depth), name].join(' > '));
  }
  return { format: 'tap', failures };
};
