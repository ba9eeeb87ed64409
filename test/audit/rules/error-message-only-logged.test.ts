import * as rule from '../../../transforms/javascript/rules/error-message-only-logged.js';
import { auditRuleTester, JS_FILE } from '../rule-tester.js';

auditRuleTester(rule, {
  valid: [
    'try { run(); } catch (err) { logger.error({ err }, "run failed"); }',
    'try { run(); } catch (err) { logger.error({ err }, err.message); }',
    'try { run(); } catch (err) { logger.error(err.message, err); }',
    'try { run(); } catch (err) { logger.error(err.stack); }',
    'try { run(); } catch (err) { logger.error(err); }',
    // console calls in catch blocks are console-in-catch findings
    'try { run(); } catch (e) { console.error(e.message); }',
    'logger.info(`loaded ${items.length} items`);',
    'logger.info(user.message);',
    'log(`started ${name}`);',
    'const message = err.message;',
    'promise.catch((err) => logger.error({ err }, "failed"));',
    'promise.catch((err) => logger.error(`failed: ${err.message}`)); // faultline-ignore error-message-only-logged: expected',
  ],
  invalid: [
    {
      name: 'logger.error(err.message) in a catch',
      code: 'try {\n  run();\n} catch (err) {\n  logger.error(err.message);\n}\n',
      filename: JS_FILE,
      findings: [{ line: 4, column: 3, endLine: 4, endColumn: 28 }],
    },
    {
      name: 'console.error(e.message) in a promise rejection handler',
      code: 'fetchAll().catch((e) => console.error(e.message));\n',
      filename: JS_FILE,
      findings: [{ line: 1, column: 25 }],
    },
    {
      name: 'log(`${err}`) with an error-named variable',
      code: 'function onFailure(err) {\n  log(`job failed: ${err}`);\n}\n',
      filename: JS_FILE,
      findings: [{ line: 2, column: 3 }],
    },
    {
      name: 'concatenation, String(), toString(), casts and other logger shapes',
      code: [
        "try { run(); } catch (problem) { this.logger.warn('failed: ' + problem.message); }",
        'try { run(); } catch (problem) { req.log.error(String(problem)); }',
        'try { run(); } catch (problem) { getLogger().error(problem.toString()); }',
        'try { run(); } catch (error: unknown) { logger.error((error as Error).message); }',
        'function f(dbError: Error) { logError(`db: ${dbError.message}`); }',
      ].join('\n'),
      findings: [
        { line: 1, column: 34 },
        { line: 2, column: 34 },
        { line: 3, column: 34 },
        { line: 4, column: 41 },
        { line: 5, column: 30 },
      ],
    },
  ],
});
