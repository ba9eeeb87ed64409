import * as rule from '../../../transforms/javascript/rules/loop-catch-continue.js';
import { auditRuleTester, JS_FILE } from '../rule-tester.js';

auditRuleTester(rule, {
  valid: [
    'for (const item of items) { try { handle(item); } catch (e) { report(e); continue; } }',
    'for (const item of items) { try { handle(item); } catch (e) {} }',
    'for (const item of items) { try { handle(item); } catch (e) { skipped++; continue; } }',
    'for (const item of items) { try { handle(item); } catch (e) { break; } }',
    'for (const item of items) {\n  try { handle(item); }\n  // faultline-ignore loop-catch-continue: best effort\n  catch (e) { continue; }\n}',
    'items.forEach((item) => { try { handle(item); } catch (e) { return; } });',
    'for (const file of files) {\n  try { stat(file); } catch {\n    // Vanished since the listing: nothing to count.\n    continue;\n  }\n}',
  ],
  invalid: [
    {
      name: 'for…of',
      code: 'for (const line of lines) {\n  try {\n    rows.push(JSON.parse(line));\n  } catch {\n    continue;\n  }\n}\n',
      filename: JS_FILE,
      findings: [{ line: 4, column: 5, endLine: 6, endColumn: 4 }],
    },
    {
      name: 'while, labelled continue, TypeScript',
      code: 'outer: while (next()) {\n  for (const x of xs) {\n    try { use(x as number); } catch (e: unknown) { continue outer; }\n  }\n}\n',
      findings: [{ line: 3, column: 31 }],
    },
    {
      name: 'a catch nested in a catch',
      code: 'for (;;) {\n  try { a(); } catch (e) { try { b(); } catch { continue; } }\n}\n',
      filename: JS_FILE,
      findings: [{ line: 2, column: 41 }],
    },
  ],
});
