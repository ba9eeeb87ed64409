/**
 * node:test's spec reporter (its default on a terminal, and everywhere from Node 23): the
 * `✖ failing tests:` section lists each failure as `test at file:line:col` then `✖ name (duration)`.
 */
import { withoutDuration, type ReportReader } from './types.js';

export const readNodeSpec: ReportReader = (output) => {
  if (!/^ℹ tests \d+/m.test(output)) return undefined;
  const at = output.indexOf('✖ failing tests:');
  const failures: string[] = [];
  if (at === -1) return { format: 'node-spec', failures };
  let file = '';
  for (const line of output.slice(at).split(/\r?\n/).slice(1)) {
    const location = /^(?:test|suite) at (.+?):\d+:\d+$/.exec(line);
    if (location) {
      file = location[1] as string;
      continue;
    }
    const failed = /^✖ (.*)$/.exec(line);
    if (!failed || /#\s*(?:TODO|SKIP)\b/i.test(failed[1] as string)) continue;
    const name = withoutDuration(failed[1] as string);
    failures.push(file ? `${file} > ${name}` : name);
  }
  return { format: 'node-spec', failures };
};
