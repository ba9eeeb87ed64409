/**
 * jest's default reporter: `FAIL path` heads each failing file, and `● suite › test` each failure in
 * it (`● Test suite failed to run` when the file did not load).
 */
import type { ReportReader } from './types.js';

export const readJest: ReportReader = (output) => {
  if (!/^Tests:\s+/m.test(output) && !/^Test Suites:\s+/m.test(output)) return undefined;
  const failures = new Set<string>();
  let file = '';
  for (const line of output.split(/\r?\n/)) {
    const header = /^FAIL\s+(\S.*?)\s*(?:\(\d.*\))?$/.exec(line);
    if (header) {
      file = (header[1] as string).replace(/^\.\//, '');
      continue;
    }
    const failed = /^ {2}● (.*\S)\s*$/.exec(line);
    if (!failed || failed[1] === 'Console') continue;
    failures.add(file ? `${file} › ${failed[1]}` : (failed[1] as string));
  }
  return { format: 'jest', failures: [...failures] };
};
