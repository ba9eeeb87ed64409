/**
 * pytest's terminal summary: `FAILED path::Class::test - reason` and `ERROR path::test` lines (its
 * default `-r fE`). Names are given as the junit XML gives them, `module.Class.test`, so a run read
 * from its XML and one read from its terminal agree.
 */
import { moduleOfPath, type ReportReader } from './types.js';

export const readPytest: ReportReader = (output) => {
  if (!/^=+ .*\b(?:passed|failed|errors?|skipped|no tests ran)\b.* in [\d.]+s.* =+$/m.test(output)) return undefined;
  const failures = new Set<string>();
  for (const line of output.split(/\r?\n/)) {
    const failed = /^(?:FAILED|ERROR) (\S+?)(?: - .*)?$/.exec(line);
    if (failed) failures.add(pytestName(failed[1] as string));
  }
  return { format: 'pytest', failures: [...failures] };
};

export function pytestName(nodeId: string): string {
  const [file, ...names] = nodeId.split('::');
  return [moduleOfPath(file as string), ...names].join('.');
}
