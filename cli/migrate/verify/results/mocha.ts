/**
 * mocha's spec reporter: after `N failing`, each failure is `  N) suite` followed by indented lines
 * for the nested titles, the last of which ends with a colon.
 */
import type { ReportReader } from './types.js';

export const readMocha: ReportReader = (output) => {
  if (!/^\s+\d+ passing \(/m.test(output)) return undefined;
  const failures: string[] = [];
  const lines = output.split(/\r?\n/);
  const start = lines.findIndex((line) => /^\s+\d+ failing$/.test(line));
  if (start === -1) return { format: 'mocha', failures };
  for (let index = start + 1; index < lines.length; index++) {
    const first = /^ {2}\d+\) (.*)$/.exec(lines[index] as string);
    if (!first) continue;
    const titles = [(first[1] as string).trim()];
    while (!(titles[titles.length - 1] as string).endsWith(':') && index + 1 < lines.length && /^\s{5,}\S/.test(lines[index + 1] as string)) {
      titles.push((lines[++index] as string).trim());
    }
    titles[titles.length - 1] = (titles[titles.length - 1] as string).replace(/:$/, '');
    failures.push(titles.join(' > '));
  }
  return { format: 'mocha', failures };
};
