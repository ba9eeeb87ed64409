/**
 * JUnit XML, as pytest writes it with `--junitxml`: a test failed when its `<testcase>` holds a
 * `<failure>` or an `<error>`. Named `classname.name`.
 */
import type { XMLParser as Parser } from 'fast-xml-parser';
import { lazyRequire } from '../../../lazy-require.js';
import type { RunnerReport } from './types.js';

const loadParser = lazyRequire<{ XMLParser: typeof Parser }>('fast-xml-parser');

interface TestCase {
  '@_classname'?: string;
  '@_name'?: string;
  failure?: unknown;
  error?: unknown;
}

export function readJunit(xml: string): RunnerReport | undefined {
  if (!/<testsuites?\b/.test(xml)) return undefined;
  let document: unknown;
  try {
    const { XMLParser } = loadParser();
    document = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' || name === 'testsuite' }).parse(xml);
  } catch {
    return undefined;
  }
  const failures: string[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'testcase') {
        if (Array.isArray(value)) value.forEach(visit);
        else visit(value);
        continue;
      }
      for (const testCase of value as TestCase[]) {
        if (testCase.failure === undefined && testCase.error === undefined) continue;
        failures.push([testCase['@_classname'], testCase['@_name']].filter(Boolean).join('.'));
      }
    }
  };
  visit(document);
  return { format: 'junit', failures };
}
