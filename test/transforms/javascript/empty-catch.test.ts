import * as emptyCatch from '../../../transforms/javascript/empty-catch.js';
import { PROJECT, ruleTester } from './rule-tester.js';

const js = `${PROJECT}/src/example.js`;

ruleTester(emptyCatch, {
  valid: [
    'try { run(); } catch (e) { handle(e); }',
    'try { run(); } catch (e) { /* ignored: the cache is optional */ }',
    'try {\n  run();\n} catch {\n  // nothing to do: a missing file is fine\n}',
    'try { run(); } catch {} // best effort',
    'try {\n  run();\n  // faultline-ignore empty-catch: probing only\n} catch {}',
    'try { run(); } catch {} /* faultline-ignore empty-catch, useless-catch */',
    'try { run(); } finally {}',
    'promise.catch(() => {});',
    "const text = 'try {} catch {}';",
  ],
  invalid: [
    {
      name: 'optional binding gets a parameter, and the kit is imported',
      code: 'export function load() {\n  try {\n    run();\n  } catch {}\n}\n',
      findings: [{ messageId: 'emptyCatch', line: 4, column: 5 }],
      output:
        "import { reportError } from './errors/index.js';\n\nexport function load() {\n  try {\n    run();\n  } catch (error) {\n    reportError(error, { operation: 'load' });\n  }\n}\n",
    },
    {
      name: 'a parameter that is already there is reused, annotation and all',
      code: "import { run } from './run.js';\n\nasync function save() {\n  try {\n    await run();\n  } catch (e: unknown) {}\n}\n",
      findings: [{ messageId: 'emptyCatch', line: 6, column: 5 }],
      output:
        "import { run } from './run.js';\nimport { reportError } from './errors/index.js';\n\nasync function save() {\n  try {\n    await run();\n  } catch (e: unknown) {\n    reportError(e, { operation: 'save' });\n  }\n}\n",
    },
    {
      name: 'a semicolon-free CommonJS file gets a require without semicolons',
      code: 'function f(error) {\n  try { run(error) } catch {}\n}\n',
      filename: js,
      findings: [{ messageId: 'emptyCatch', line: 2, column: 22 }],
      output:
        "const { reportError } = require('./errors/index.js')\n\nfunction f(error) {\n  try { run(error) } catch (error) { reportError(error, { operation: 'f' }) }\n}\n",
    },
    {
      name: 'a destructured error is bound whole and destructured first',
      code: 'function f() {\n  try { run(); } catch ({ message }) {}\n}\n',
      filename: js,
      findings: [{ messageId: 'emptyCatch', line: 2, column: 18 }],
      output:
        "const { reportError } = require('./errors/index.js');\n\nfunction f() {\n  try { run(); } catch (error) { const { message } = error; reportError(error, { operation: 'f' }); }\n}\n",
    },
    {
      name: 'operations are named after methods, object methods, properties and variables',
      code: [
        'import { a } from "./a.js";',
        'class Store {',
        '  load() { try { a(); } catch (e) {} }',
        '  save = () => { try { a(); } catch (e) {} };',
        '}',
        'const api = { fetch() { try { a(); } catch (e) {} } };',
        'const go = function () { try { a(); } catch (e) {} };',
        'exports.stop = () => { try { a(); } catch (e) {} };',
        'on("x", () => { try { a(); } catch (e) {} });',
        '',
      ].join('\n'),
      filename: js,
      findings: [
        { messageId: 'emptyCatch', line: 3, column: 25 },
        { messageId: 'emptyCatch', line: 4, column: 31 },
        { messageId: 'emptyCatch', line: 6, column: 38 },
        { messageId: 'emptyCatch', line: 7, column: 39 },
        { messageId: 'emptyCatch', line: 8, column: 37 },
        { messageId: 'emptyCatch', line: 9, column: 30 },
      ],
      output: [
        'import { a } from "./a.js";',
        'import { reportError } from "./errors/index.js";',
        'class Store {',
        '  load() { try { a(); } catch (e) { reportError(e, { operation: "Store.load" }); } }',
        '  save = () => { try { a(); } catch (e) { reportError(e, { operation: "Store.save" }); } };',
        '}',
        'const api = { fetch() { try { a(); } catch (e) { reportError(e, { operation: "fetch" }); } } };',
        'const go = function () { try { a(); } catch (e) { reportError(e, { operation: "go" }); } };',
        'exports.stop = () => { try { a(); } catch (e) { reportError(e, { operation: "stop" }); } };',
        'on("x", () => { try { a(); } catch (e) { reportError(e, { operation: "example" }); } });',
        '',
      ].join('\n'),
    },
    {
      name: 'tabs stay tabs, and an existing kit import is extended',
      code: "import { logger } from '../src/errors';\n\nfunction f() {\n\ttry {\n\t\trun();\n\t} catch (e) {}\n}\n",
      filename: `${PROJECT}/lib/example.ts`,
      findings: [{ messageId: 'emptyCatch', line: 6, column: 4 }],
      output:
        "import { logger, reportError } from '../src/errors';\n\nfunction f() {\n\ttry {\n\t\trun();\n\t} catch (e) {\n\t\treportError(e, { operation: 'f' });\n\t}\n}\n",
    },
    {
      name: 'a suppression names the rule it silences',
      code: '// faultline-ignore useless-catch: not this one\ntry { run(); } catch {}\n',
      filename: js,
      findings: [{ messageId: 'emptyCatch', line: 2, column: 16 }],
      output:
        "const { reportError } = require('./errors/index.js');\n\n// faultline-ignore useless-catch: not this one\ntry { run(); } catch (error) { reportError(error, { operation: 'example' }); }\n",
    },
  ],
});
