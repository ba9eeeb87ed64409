import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { faultline, repoRoot, run, tempDir } from '../support/cli.js';

/**
 * One table of what a log may and may not show (test/fixtures/redaction-cases.json), run against
 * the JavaScript kit and the Python kit as `init` generates them. Both kits must hide every
 * secret, keep every look-alike, and produce the same text for every case; one log line from
 * each must use the same field names.
 */

interface Cases {
  keys: Array<{ key: string; value: string; redacted: boolean }>;
  texts: Array<{ text: string; secret?: string; keep?: string }>;
  cause: { fields: Record<string, unknown>; kept: Record<string, unknown>; redacted: string[]; secrets: string[] };
  adversarial: Record<string, string>;
}

interface KitAnswers {
  keys: unknown[];
  texts: Array<{ text: string; message: string }>;
  cause: Record<string, unknown>;
  line: Record<string, any>;
  ratios: Record<string, number>;
}

const casesFile = path.join(repoRoot, 'test/fixtures/redaction-cases.json');
const cases = JSON.parse(readFileSync(casesFile, 'utf8')) as Cases;
const REDACTED = '[REDACTED]';
const answers: Record<'javascript' | 'python', KitAnswers> = {} as Record<'javascript' | 'python', KitAnswers>;

beforeAll(() => {
  const jsRoot = tempDir('redaction-js');
  expect(faultline(['init', '--yes'], { cwd: jsRoot }).code).toBe(0);
  const catalog = JSON.parse(readFileSync(path.join(jsRoot, 'faultline.catalog.json'), 'utf8'));
  catalog.target = { ...catalog.target, language: 'python', kitDir: 'shop/errors', framework: 'none', logger: 'console', testRunner: 'unittest', importSuffix: '' };
  const pyRoot = tempDir('redaction-py');
  mkdirSync(path.join(pyRoot, 'shop'));
  writeFileSync(path.join(pyRoot, 'shop/__init__.py'), '');
  writeFileSync(path.join(pyRoot, 'faultline.catalog.json'), JSON.stringify(catalog, null, 2));
  expect(faultline(['init', '--yes'], { cwd: pyRoot }).code).toBe(0);

  answers.javascript = JSON.parse(
    run(process.execPath, [path.join(repoRoot, 'test/python/scripts/redaction-table.mjs'), path.join(jsRoot, 'src/errors'), casesFile], jsRoot),
  ) as KitAnswers;
  answers.python = JSON.parse(
    run('env', ['PYTHONPATH=.', 'python3', path.join(repoRoot, 'test/python/scripts/redaction_table.py'), 'shop.errors', casesFile], pyRoot),
  ) as KitAnswers;
});

describe.each(['javascript', 'python'] as const)('the %s kit against the shared redaction table', (kit) => {
  it('has at least 40 cases to answer', () => {
    expect(cases.keys.length + cases.texts.length).toBeGreaterThanOrEqual(40);
  });

  it('hides the value of every secret key and keeps every look-alike', () => {
    const wrong = cases.keys.filter((testCase, index) => {
      const output = answers[kit].keys[index];
      return testCase.redacted ? output !== REDACTED : output !== testCase.value;
    });
    expect(wrong.map((testCase) => `${testCase.key} (${testCase.redacted ? 'should be hidden' : 'should be kept'})`)).toEqual([]);
  });

  it('hides secrets by their shape inside strings and error messages, and keeps ordinary text', () => {
    const wrong: string[] = [];
    cases.texts.forEach((testCase, index) => {
      const { text, message } = answers[kit].texts[index]!;
      for (const [where, output] of [['string', text], ['error message', message]] as const) {
        if (testCase.secret !== undefined && output.includes(testCase.secret)) wrong.push(`${where} leaks ${testCase.secret}: ${output}`);
        if (testCase.keep !== undefined && !output.includes(testCase.keep)) wrong.push(`${where} lost "${testCase.keep}": ${output}`);
      }
    });
    expect(wrong).toEqual([]);
  });

  it('redacts 100 KB built to make its patterns backtrack in time linear in the text', () => {
    // A quadratic pattern takes thousands of times a per-character scan on these inputs; linear ones stay within a few.
    const slow = Object.entries(answers[kit].ratios).filter(([, ratio]) => !(ratio < 50));
    expect(slow).toEqual([]);
    expect(Object.keys(answers[kit].ratios).sort()).toEqual(Object.keys(cases.adversarial).sort());
  });

  it("keeps a cause error's diagnostic fields, redacted like everything else", () => {
    const { cause } = answers[kit];
    expect(cause).toMatchObject(cases.cause.kept);
    for (const field of cases.cause.redacted) expect(cause[field], field).toBe(REDACTED);
    const text = JSON.stringify(cause);
    for (const secret of cases.cause.secrets) expect(text).not.toContain(secret);
  });
});

describe('the two kits', () => {
  it('redact every string of the table to the same text', () => {
    expect(answers.python.texts).toEqual(answers.javascript.texts);
    expect(answers.python.keys).toEqual(answers.javascript.keys);
  });

  it('write one log schema: the same field names and values for the same event', () => {
    const js = answers.javascript.line;
    // The Python line also names the logging logger it came from, which JavaScript has no notion of.
    const { logger: pythonLogger, ...py } = answers.python.line;
    expect(pythonLogger).toBeTypeOf('string');
    expect(Object.keys(py).sort()).toEqual(Object.keys(js).sort());
    for (const field of ['level', 'msg', 'requestId', 'userId', 'operation']) expect(py[field], field).toEqual(js[field]);
    const errKeys = (record: Record<string, unknown>) => Object.keys(record).filter((key) => key !== 'stack').sort();
    expect(errKeys(py.err)).toEqual(errKeys(js.err));
    for (const field of ['name', 'message', 'code', 'status']) expect(py.err[field], field).toEqual(js.err[field]);
  });
});
