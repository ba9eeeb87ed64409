import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as promiseCatch from '../../../transforms/javascript/promise-catch.js';
import { FIXTURES_ROOT, REPO_ROOT } from '../../support/fixtures.js';
import { PROJECT, ruleTester } from './rule-tester.js';
import { kitAt, runTransform } from './run-transform.js';

const js = `${PROJECT}/src/example.mjs`;
const ts = `${PROJECT}/src/example.ts`;
const reportImport = "import { reportError } from './errors/index.js';\n\n";

ruleTester(promiseCatch, {
  valid: [
    { code: 'load().catch(() => fallback());', filename: js },
    { code: 'load().catch((error) => { retry(error); });', filename: js },
    { code: 'load().catch(handleError);', filename: js },
    { code: 'load().catch(() => {\n  // the cache is optional\n});', filename: js },
    { code: 'load().catch(() => null /* offline is fine */);', filename: js },
    { code: 'load().catch((/* nothing */) => {});', filename: js },
    { code: 'load().then(render, () => {});', filename: js },
    { code: 'load().catch(({ code }) => null);', filename: js },
    { code: 'load().catch((a, b) => null);', filename: js },
    { code: 'load().catch(() => [items]);', filename: js },
    { code: 'try { run(); } catch (e) {}', filename: js },
    { code: "load().catch((error) => { reportError(error, { operation: 'load' }); return null; });", filename: js },
    { code: '// faultline-ignore promise-catch: fire and forget\nload().catch(() => {});', filename: js },
  ],
  invalid: [
    {
      name: 'an empty handler reports the error and still returns nothing',
      code: 'function start() {\n  load().catch(() => {});\n}\n',
      filename: js,
      findings: [{ messageId: 'swallowed', line: 2, column: 16 }],
      output: `${reportImport}function start() {\n  load().catch((error) => { reportError(error, { operation: 'start' }); });\n}\n`,
    },
    {
      name: 'the value the handler returned is kept',
      code: [
        'const a = load().catch(() => null);',
        'const b = load().catch((e) => undefined);',
        "const c = load().catch(() => { return ''; });",
        'const d = load()?.catch(async () => []);',
        'const e = load().catch(() => void 0);',
        '',
      ].join('\n'),
      filename: js,
      findings: [
        { messageId: 'swallowed', line: 1, column: 24 },
        { messageId: 'swallowed', line: 2, column: 24 },
        { messageId: 'swallowed', line: 3, column: 24 },
        { messageId: 'swallowed', line: 4, column: 25 },
        { messageId: 'swallowed', line: 5, column: 24 },
      ],
      output: [
        "import { reportError } from './errors/index.js';",
        '',
        "const a = load().catch((error) => { reportError(error, { operation: 'example' }); return null; });",
        "const b = load().catch((e) => { reportError(e, { operation: 'example' }); return undefined; });",
        "const c = load().catch((error) => { reportError(error, { operation: 'example' }); return ''; });",
        "const d = load()?.catch(async (error) => { reportError(error, { operation: 'example' }); return []; });",
        "const e = load().catch((error) => { reportError(error, { operation: 'example' }); return void 0; });",
        '',
      ].join('\n'),
    },
    {
      name: 'handlers that only print the error report it instead',
      code: [
        'export function sync() {',
        '  push().catch(console.error);',
        '  pull().catch(err => console.warn(err.message));',
        '  poll().catch(function onFailure(e) { console.log(e); });',
        '}',
        '',
      ].join('\n'),
      filename: js,
      findings: [
        { messageId: 'printedOnly', line: 2, column: 16 },
        { messageId: 'printedOnly', line: 3, column: 16 },
        { messageId: 'printedOnly', line: 4, column: 16 },
      ],
      output: [
        "import { reportError } from './errors/index.js';",
        '',
        'export function sync() {',
        "  push().catch((error) => { reportError(error, { operation: 'sync' }); });",
        "  pull().catch(err => { reportError(err, { operation: 'sync' }); });",
        "  poll().catch(function onFailure(e) { reportError(e, { operation: 'sync' }); });",
        '}',
        '',
      ].join('\n'),
    },
    {
      name: 'the new parameter avoids the name the kit function is imported under',
      code: "import { reportError as error } from './errors/index.js';\nload().catch(function () {});\n",
      filename: js,
      findings: [{ messageId: 'swallowed', line: 2, column: 14 }],
      output: "import { reportError as error } from './errors/index.js';\nload().catch(function (err) { error(err, { operation: 'example' }); });\n",
    },
    {
      name: 'a typed parameter keeps its type, and a file without semicolons gets none at the end',
      code: 'export const f = () => load().catch((e: unknown) => false)\n',
      filename: ts,
      findings: [{ messageId: 'swallowed', line: 1, column: 37 }],
      output: "import { reportError } from './errors/index.js'\n\nexport const f = () => load().catch((e: unknown) => { reportError(e, { operation: 'f' }); return false })\n",
    },
    {
      name: 'a handler that prints its own text is left alone, with the reason',
      code: "load().catch((err) => console.error('Load failed', err));\n",
      filename: js,
      findings: [{ messageId: 'printedOnly', line: 1, column: 14, fixable: false, reason: "logger.error({ err }, '…')" }],
    },
  ],
});

describe('promise-catch', () => {
  it('does not change behaviour, and has its docs page', () => {
    expect(promiseCatch.meta.changesBehaviour).toBe(false);
    expect(existsSync(join(REPO_ROOT, promiseCatch.meta.docs))).toBe(true);
  });

  it('reuses an existing kit import', () => {
    const code = "import { logger } from './errors/index.js';\nload().catch(() => {});\n";
    expect(runTransform(promiseCatch, code, js, kitAt(PROJECT)).output).toBe(
      "import { logger, reportError } from './errors/index.js';\nload().catch((error) => { reportError(error, { operation: 'example' }); });\n",
    );
  });

  it('skips files without a .catch call before parsing them', () => {
    expect(promiseCatch.mightMatch('try { a(); } catch (e) {}')).toBe(false);
    expect(promiseCatch.mightMatch('p.catch (() => {})')).toBe(true);
  });
});
