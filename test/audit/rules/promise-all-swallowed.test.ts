import * as rule from '../../../transforms/javascript/rules/promise-all-swallowed.js';
import { auditRuleTester, JS_FILE } from '../rule-tester.js';

auditRuleTester(rule, {
  valid: [
    'async function f() { try { await Promise.all(jobs); } catch (e) { logger.error({ err: e }, "batch failed"); } }',
    'async function f() { try { await Promise.all(jobs); } catch (e) { throw new Error("batch failed", { cause: e }); } }',
    'async function f() { try { return await Promise.all(jobs); } catch (e) { report(e); return []; } }',
    'async function f() { try { await Promise.allSettled(jobs); } catch {} }',
    'async function f() { try { await Promise.all(jobs); } catch (e) { failures.push(e); } }',
    'async function f() { try { await Promise.all(jobs); } catch (e) { retryLater(); } }',
    'async function f() { try { await Promise.all(jobs); } finally { done(); } }',
    'async function f() { await Promise.all(jobs); }',
    'async function f() { try { start(async () => { await Promise.all(jobs); }); } catch {} }',
    'async function f() { try { return Promise.all(jobs); } catch {} }',
    'async function f() {\n  try {\n    // faultline-ignore promise-all-swallowed: warm-up only\n    await Promise.all(jobs);\n  } catch {}\n}',
  ],
  invalid: [
    {
      name: 'an empty catch',
      code: 'async function warm() {\n  try {\n    await Promise.all(urls.map(fetch));\n  } catch (e) {}\n}\n',
      filename: JS_FILE,
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 39 }],
    },
    {
      name: 'a catch that returns a value without reporting',
      code: 'async function load(ids: string[]): Promise<User[]> {\n  try {\n    const users = await Promise.all(ids.map(find));\n    return users;\n  } catch (error: unknown) {\n    return [];\n  }\n}\n',
      findings: [{ line: 3, column: 19 }],
    },
    {
      name: 'through a try/finally to the catch outside it',
      code: 'async function f() {\n  try {\n    try {\n      await Promise.all(jobs);\n    } finally {\n      close();\n    }\n  } catch {\n    return;\n  }\n}\n',
      filename: JS_FILE,
      findings: [{ line: 4, column: 7 }],
    },
  ],
});
