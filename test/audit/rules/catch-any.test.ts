import * as rule from '../../../transforms/javascript/rules/catch-any.js';
import { auditRuleTester, JS_FILE } from '../rule-tester.js';

auditRuleTester(rule, {
  valid: [
    'try { run(); } catch (e) { handle(e); }',
    'try { run(); } catch (e: unknown) { handle(e); }',
    'try { run(); } catch { handle(); }',
    'const f = (e: any) => e;',
    'try { run(); } catch (e: any) { handle(e); } // faultline-ignore catch-any: legacy typings',
    { code: 'try { run(); } catch (e) { handle(e); }', filename: JS_FILE },
  ],
  invalid: [
    {
      name: 'an any annotation',
      code: 'try {\n  run();\n} catch (e: any) {\n  handle(e.message);\n}\n',
      findings: [{ line: 3, column: 13, endLine: 3, endColumn: 16 }],
    },
    {
      name: 'a destructured error typed any',
      code: 'try { run(); } catch ({ message }: any) { handle(message); }',
      findings: [{ line: 1, column: 36 }],
    },
    {
      name: 'in a .tsx file, with spacing',
      code: 'export function View() {\n  try { return <A />; } catch (error :   any) { return null; }\n}\n',
      filename: '/project/src/view.tsx',
      findings: [{ line: 2, column: 42 }],
    },
  ],
});
