import * as uselessCatch from '../../../transforms/javascript/useless-catch.js';
import { PROJECT, ruleTester } from './rule-tester.js';

const js = `${PROJECT}/src/example.js`;

ruleTester(uselessCatch, {
  valid: [
    { code: 'try { run(); } catch (e) { log(e); throw e; }', filename: js },
    { code: 'try { run(); } catch (e) { throw other; }', filename: js },
    { code: 'try { run(); } catch { throw lastError; }', filename: js },
    { code: 'try { run(); } catch (e) { if (retry) throw e; }', filename: js },
    { code: 'try { run(); } catch (e) { throw e as Error; }' },
    { code: 'try { run(); } finally { done(); }', filename: js },
    { code: 'try {\n  run();\n  // faultline-ignore useless-catch: kept for a breakpoint\n} catch (e) { throw e; }', filename: js },
  ],
  invalid: [
    {
      name: 'statements move out, one level less indented',
      code: 'function f() {\n  try {\n    a();\n\n    b();\n  } catch (e) {\n    throw e;\n  }\n  c();\n}\n',
      filename: js,
      findings: [{ messageId: 'uselessCatch', line: 6, column: 5 }],
      output: 'function f() {\n  a();\n\n  b();\n  c();\n}\n',
    },
    {
      name: 'a finally keeps its try',
      code: 'try {\n  a();\n} catch (e) {\n  throw e;\n} finally {\n  b();\n}\n',
      filename: js,
      findings: [{ messageId: 'uselessCatch', line: 3, column: 3 }],
      output: 'try {\n  a();\n} finally {\n  b();\n}\n',
    },
    {
      name: 'minified code keeps a separator before what follows on the line',
      code: 'function f(r){try{r.parse()}catch(n){throw n}return r.root}\n',
      filename: js,
      findings: [{ messageId: 'uselessCatch', line: 1, column: 29 }],
      output: 'function f(r){r.parse();return r.root}\n',
    },
    {
      name: 'an empty try block goes entirely',
      code: 'a();\ntry {} catch (e) { throw e; }\nb();\n',
      filename: js,
      findings: [{ messageId: 'uselessCatch', line: 2, column: 8 }],
      output: 'a();\nb();\n',
    },
    {
      name: 'a declaration that would clash keeps its block',
      code: 'function f(x) {\n  try {\n    const x = 2;\n    use(x);\n  } catch (e) {\n    throw e;\n  }\n}\n',
      filename: js,
      findings: [{ messageId: 'uselessCatch', line: 5, column: 5 }],
      output: 'function f(x) {\n  {\n    const x = 2;\n    use(x);\n  }\n}\n',
    },
    {
      name: 'a declaration another statement refers to keeps its block',
      code: 'log(total);\ntry {\n  let total = 1;\n} catch (e) {\n  throw e;\n}\n',
      filename: js,
      findings: [{ messageId: 'uselessCatch', line: 4, column: 3 }],
      output: 'log(total);\n{\n  let total = 1;\n}\n',
    },
    {
      name: 'declarations in a switch case are checked against every case',
      code: 'switch (k) {\n  case 1:\n    try {\n      const v = 1;\n    } catch (e) {\n      throw e;\n    }\n    break;\n  case 2:\n    use(v);\n}\n',
      filename: js,
      findings: [{ messageId: 'uselessCatch', line: 5, column: 7 }],
      output: 'switch (k) {\n  case 1:\n    {\n      const v = 1;\n    }\n    break;\n  case 2:\n    use(v);\n}\n',
    },
    {
      name: 'a leading string statement keeps its block, so it does not become a directive',
      code: "function f() {\n  try {\n    'use strict';\n    a();\n  } catch (e) {\n    throw e;\n  }\n}\n",
      filename: js,
      findings: [{ messageId: 'uselessCatch', line: 5, column: 5 }],
      output: "function f() {\n  {\n    'use strict';\n    a();\n  }\n}\n",
    },
    {
      name: 'var declarations move out freely',
      code: 'var a = 1;\ntry {\n  var a = 2;\n} catch (e) {\n  throw e;\n}\n',
      filename: js,
      findings: [{ messageId: 'uselessCatch', line: 4, column: 3 }],
      output: 'var a = 1;\nvar a = 2;\n',
    },
    {
      name: 'a label stays on a block',
      code: 'outer: try {\n  a();\n} catch (e) {\n  throw e;\n}\n',
      filename: js,
      findings: [{ messageId: 'uselessCatch', line: 3, column: 3 }],
      output: 'outer: {\n  a();\n}\n',
    },
    {
      name: 'comments inside the try block move with its statements',
      code: 'try {\n  // first\n  a(); /* inline */\n} catch (e) {\n  throw e;\n}\n',
      filename: js,
      findings: [{ messageId: 'uselessCatch', line: 4, column: 3 }],
      output: '// first\na(); /* inline */\n',
    },
    {
      name: 'three levels of useless nesting unwrap in one run',
      code: 'try {\n  try {\n    try {\n      a();\n    } catch (e) {\n      throw e;\n    }\n  } catch (e) {\n    throw e;\n  }\n} catch (e) {\n  throw e;\n}\n',
      filename: js,
      findings: [
        { messageId: 'uselessCatch', line: 11, column: 3 },
        { messageId: 'uselessCatch', line: 8, column: 5 },
        { messageId: 'uselessCatch', line: 5, column: 7 },
      ],
      output: 'a();\n',
    },
    {
      name: 'sites with comments in the catch are left, with a reason',
      code: 'try {\n  a();\n} catch (e) {\n  throw e; // callers decide\n}\n',
      filename: js,
      findings: [{ messageId: 'uselessCatch', line: 3, column: 3, fixable: false, reason: 'comments' }],
    },
  ],
});
