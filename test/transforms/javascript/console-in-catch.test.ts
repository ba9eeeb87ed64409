import * as consoleInCatch from '../../../transforms/javascript/console-in-catch.js';
import { PROJECT, ruleTester } from './rule-tester.js';

const js = `${PROJECT}/src/example.js`;
const esm = (body: string): string => `import { run } from './run.js';\n\nfunction load(id) {\n  try {\n    run(id);\n  } catch (err) {\n    ${body}\n  }\n}\n`;
const fixed = (body: string): string =>
  `import { run } from './run.js';\nimport { logger } from './errors/index.js';\n\nfunction load(id) {\n  try {\n    run(id);\n  } catch (err) {\n    ${body}\n  }\n}\n`;
const at = { line: 7, column: 5 };

ruleTester(consoleInCatch, {
  valid: [
    "console.error('not in a catch', error);",
    'try { run(); } finally { console.log("done"); }',
    'try { run(); } catch (e) { logger.error({ err: e }, "failed"); }',
    'try { run(); } catch (e) {\n  // faultline-ignore console-in-catch: printed for the operator\n  console.error(e);\n}',
    'try { run(); } catch (e) { console.error(e); } // faultline-ignore console-in-catch',
    'try { run(); } catch (e) { console["error"](e); }',
    'try { run(); } catch (e) { console.table(e); }',
  ],
  invalid: [
    {
      name: 'a message and the error',
      code: esm("console.error('Failed', err);"),
      filename: js,
      findings: [{ messageId: 'consoleLogsError', ...at }],
      output: fixed("logger.error({ err }, 'Failed');"),
    },
    {
      name: 'the error alone gets a message naming where it happened',
      code: esm('console.error(err);'),
      filename: js,
      findings: [{ messageId: 'consoleLogsError', ...at }],
      output: fixed("logger.error({ err }, 'load failed');"),
    },
    {
      name: 'only the message: the whole error is logged instead',
      code: esm('console.log(err.message);'),
      filename: js,
      findings: [{ messageId: 'consoleLogsError', ...at }],
      output: fixed("logger.error({ err }, 'load failed');"),
    },
    {
      name: 'a message built from the error keeps only its own words',
      code: esm("console.error('Load failed: ' + err.message + ' (giving up)');"),
      filename: js,
      findings: [{ messageId: 'consoleLogsError', ...at }],
      output: fixed("logger.error({ err }, 'Load failed (giving up)');"),
    },
    {
      name: 'a separator that introduced the error goes with it',
      code: esm("console.error(`Parsing ${id} failed:`, err);"),
      filename: js,
      findings: [{ messageId: 'consoleLogsError', ...at }],
      output: fixed('logger.error({ err }, `Parsing ${id} failed`);'),
    },
    {
      name: 'a template keeps its other values',
      code: esm('console.warn(`Load of ${id} failed: ${err}`);'),
      filename: js,
      findings: [{ messageId: 'consoleLogsError', ...at }],
      output: fixed('logger.warn({ err }, `Load of ${id} failed`);'),
    },
    {
      name: 'other values become named fields',
      code: esm("console.info('Load failed', id, this.user.name, err.stack);"),
      filename: js,
      findings: [{ messageId: 'consoleLogsError', ...at }],
      output: fixed("logger.info({ err, id, name: this.user.name }, 'Load failed');"),
    },
    {
      name: 'double quotes stay double quotes',
      code: esm('console.error("Load failed", err);'),
      filename: js,
      findings: [{ messageId: 'consoleLogsError', ...at }],
      output: fixed('logger.error({ err }, "Load failed");'),
    },
    {
      name: 'a differently named error goes under the err key',
      code: 'try { run(); } catch (e) { console.error("Failed", e); }\n',
      findings: [{ messageId: 'consoleLogsError', line: 1, column: 28 }],
      output: 'import { logger } from "./errors/index.js";\n\ntry { run(); } catch (e) { logger.error({ err: e }, "Failed"); }\n',
    },
    {
      name: 'a call in a callback inside the catch still logs the caught error',
      code: "try { run(); } catch (e) { setTimeout(() => console.warn('Later', e)); }\n",
      findings: [{ messageId: 'consoleLogsError', line: 1, column: 45 }],
      output: "import { logger } from './errors/index.js';\n\ntry { run(); } catch (e) { setTimeout(() => logger.warn({ err: e }, 'Later')); }\n",
    },
    {
      name: 'calls left alone say why',
      code: [
        'try { run(); } catch (e) {',
        "  console.log('retrying');",
        "  console.error('Failed %s', e);",
        '  console.error(describe(e));',
        "  console.error('Failed', 42, e);",
        "  console.error('Failed', err, e);",
        "  console.log('<error message=\"' + e.message + '\"/>');",
        '}',
        'try { run(); } catch { console.error("failed"); }',
        '',
      ].join('\n'),
      findings: [
        { messageId: 'consoleInCatch', line: 2, column: 3, fixable: false, reason: 'does not mention the caught error' },
        { messageId: 'consoleLogsError', line: 3, column: 3, fixable: false, reason: 'printf-style placeholders' },
        { messageId: 'consoleLogsError', line: 4, column: 3, fixable: false, reason: '`describe(e)` computes something from the error' },
        { messageId: 'consoleLogsError', line: 5, column: 3, fixable: false, reason: '`42` cannot be given a name' },
        { messageId: 'consoleLogsError', line: 6, column: 3, fixable: false, reason: 'share the key `err`' },
        { messageId: 'consoleLogsError', line: 7, column: 3, fixable: false, reason: 'woven into the message (…or message=")' },
        { messageId: 'consoleInCatch', line: 9, column: 24, fixable: false, reason: 'does not bind the error' },
      ],
    },
    {
      name: 'a local logger makes the kit logger come in under another name',
      code: "const logger = console;\ntry { run(); } catch (e) { console.error('Failed', e); }\n",
      findings: [{ messageId: 'consoleLogsError', line: 2, column: 28 }],
      output:
        "import { logger as appLogger } from './errors/index.js';\n\nconst logger = console;\ntry { run(); } catch (e) { appLogger.error({ err: e }, 'Failed'); }\n",
    },
    {
      name: 'a namespace import of the kit is used as it is',
      code: "import * as kit from './errors/index.js';\n\ntry { run(); } catch (e) { console.error('Failed', e); }\n",
      findings: [{ messageId: 'consoleLogsError', line: 3, column: 28 }],
      output: "import * as kit from './errors/index.js';\n\ntry { run(); } catch (e) { kit.logger.error({ err: e }, 'Failed'); }\n",
    },
  ],
});
