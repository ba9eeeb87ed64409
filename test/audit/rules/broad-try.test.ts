import { describe, expect, it } from 'vitest';
import * as rule from '../../../transforms/javascript/rules/broad-try.js';
import { auditRuleTester, detectAll, TS_FILE } from '../rule-tester.js';

const statements = (count: number, indent = '    '): string => Array.from({ length: count }, (_, i) => `${indent}step${i}();`).join('\n');

auditRuleTester(rule, {
  valid: [
    `function f() {\n  try {\n${statements(10)}\n  } catch (e) {\n    throw e;\n  }\n}\n`,
    `function f() {\n  try {\n${statements(11)}\n  } finally {\n    done();\n  }\n}\n`,
    `function f() {\n  try {\n    if (a) {\n${statements(20, '      ')}\n    }\n  } catch (e) {\n    throw e;\n  }\n}\n`,
    `function f() {\n  // faultline-ignore broad-try: one transaction\n  try {\n${statements(11)}\n  } catch (e) {\n    throw e;\n  }\n}\n`,
    // The catch cleans up and lets the same error go on: it handles no failure of its own.
    `async function f() {\n  try {\n${statements(12)}\n  } catch (error) {\n    status.done();\n    await rm(tmp, { recursive: true });\n    throw error;\n  }\n}\n`,
  ],
  invalid: [
    {
      name: 'a catch that looks at the error before rethrowing it is handling it',
      code: `function f() {\n  try {\n${statements(11)}\n  } catch (e) {\n    if (e.code === 'ENOENT') return;\n    throw e;\n  }\n}\n`,
      findings: [{ line: 2, column: 3, message: 'wraps 11 statements' }],
    },
    {
      name: 'eleven statements',
      code: `function f() {\n  try {\n${statements(11)}\n  } catch (e) {\n    report(e);\n  }\n}\n`,
      findings: [{ line: 2, column: 3, endLine: 16, endColumn: 4, message: 'wraps 11 statements (more than 10), so' }],
    },
    {
      name: 'nested tries are each counted by their own statements',
      code: `try {\n  try {\n${statements(12)}\n  } catch {}\n${statements(10, '  ')}\n} catch (e) {}\n`,
      findings: [
        { line: 1, column: 1, message: 'wraps 11 statements' },
        { line: 2, column: 3, message: 'wraps 12 statements' },
      ],
    },
  ],
});

describe('broad-try: maxTryStatements', () => {
  const code = `try {\n${statements(4)}\n} catch (e) {\n  report(e);\n}\n`;

  it('reports a block above the configured limit', () => {
    const findings = detectAll(rule.createBroadTry({ maxTryStatements: 3 }), code, TS_FILE);
    expect(findings.map((finding) => [finding.line, finding.message])).toEqual([
      [1, 'This try block wraps 4 statements (more than 3), so its catch cannot tell which one failed; wrap only what can throw.'],
    ]);
  });

  it('leaves a block at the limit alone', () => {
    expect(detectAll(rule.createBroadTry({ maxTryStatements: 4 }), code, TS_FILE)).toEqual([]);
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => rule.createBroadTry({ maxTryStatements: 0 })).toThrow(/positive integer/);
  });
});
