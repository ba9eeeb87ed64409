import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as errorCause from '../../../transforms/javascript/error-cause.js';
import { supportsNativeErrorCause } from '../../../transforms/javascript/lib/error-cause-support.js';
import { PROJECT, ruleTester } from './rule-tester.js';
import { kitAt, runTransform } from './run-transform.js';

const js = `${PROJECT}/src/example.js`;

ruleTester(errorCause, {
  valid: [
    { code: "try { run(); } catch (e) { throw new Error('x', { cause: e }); }", filename: js },
    { code: "try { run(); } catch (e) { throw new Error('x', { 'cause': e }); }", filename: js },
    { code: 'try { run(); } catch (cause) { throw new Error("x", { cause }); }', filename: js },
    { code: 'try { run(); } catch (e) { throw e; }', filename: js },
    { code: 'try { run(); } catch (e) { throw wrap(e); }', filename: js },
    { code: "try { run(); } catch (e) { throw new DbError('x', e); }", filename: js },
    { code: "try { run(); } catch (e) { later(() => { throw new Error('x'); }); }", filename: js },
    { code: "throw new Error('outside a catch');", filename: js },
    { code: "try { run(); } catch (e) {\n  // faultline-ignore error-cause: the cause holds a password\n  throw new Error('x');\n}", filename: js },
  ],
  invalid: [
    {
      name: 'the caught error becomes the cause',
      code: "try { run(); } catch (e) { throw new Error('x'); }\n",
      filename: js,
      findings: [{ messageId: 'missingCause', line: 1, column: 34 }],
      output: "try { run(); } catch (e) { throw new Error('x', { cause: e }); }\n",
    },
    {
      name: 'an omitted binding is added',
      code: "try { run(); } catch { throw new TypeError('x'); }\n",
      filename: js,
      findings: [{ messageId: 'missingCause', line: 1, column: 30 }],
      output: "try { run(); } catch (error) { throw new TypeError('x', { cause: error }); }\n",
    },
    {
      name: 'the binding avoids names the catch body uses',
      code: "const error = 1;\ntry { run(); } catch { throw new Error(`x ${error}`); }\n",
      filename: js,
      findings: [{ messageId: 'missingCause', line: 2, column: 30 }],
      output: "const error = 1;\ntry { run(); } catch (err) { throw new Error(`x ${error}`, { cause: err }); }\n",
    },
    {
      name: 'no arguments, no parentheses, a call without new',
      code: 'try { run(); } catch (e) {\n  if (a) throw new Error();\n  if (b) throw new RangeError;\n  throw Error("x");\n}\n',
      filename: js,
      findings: [
        { messageId: 'missingCause', line: 2, column: 16 },
        { messageId: 'missingCause', line: 3, column: 16 },
        { messageId: 'missingCause', line: 4, column: 9 },
      ],
      output:
        'try { run(); } catch (e) {\n  if (a) throw new Error(undefined, { cause: e });\n  if (b) throw new RangeError(undefined, { cause: e });\n  throw Error("x", { cause: e });\n}\n',
    },
    {
      name: 'kit classes, by name or through a namespace, get the cause in their options',
      code: [
        "import { NotFoundError as Missing } from './errors/index.js';",
        "import * as errors from './errors/index.js';",
        "try { run(); } catch (e) { throw new Missing('x', { details: { id } }); }",
        "try { run(); } catch (e) { throw new errors.AppError('x', {}); }",
        '',
      ].join('\n'),
      filename: js,
      findings: [
        { messageId: 'missingCause', line: 3, column: 34 },
        { messageId: 'missingCause', line: 4, column: 34 },
      ],
      output: [
        "import { NotFoundError as Missing } from './errors/index.js';",
        "import * as errors from './errors/index.js';",
        "try { run(); } catch (e) { throw new Missing('x', { details: { id }, cause: e }); }",
        "try { run(); } catch (e) { throw new errors.AppError('x', { cause: e }); }",
        '',
      ].join('\n'),
    },
    {
      name: 'sites left alone say why',
      code: [
        'try { run(); } catch (e) {',
        "  if (a) throw new Error('x', options);",
        "  if (b) throw new Error('x', { ...options });",
        '  if (c) throw new Error(...args);',
        "  if (d) throw new HttpError(500, 'x');",
        "  throw new AggregateError([], 'x');",
        '}',
        '',
      ].join('\n'),
      filename: js,
      findings: [
        { messageId: 'missingCause', line: 2, column: 16, fixable: false, reason: 'not an object literal' },
        { messageId: 'missingCause', line: 3, column: 16, fixable: false, reason: 'may already carry a cause' },
        { messageId: 'missingCause', line: 4, column: 16, fixable: false, reason: 'spread' },
        { messageId: 'missingCause', line: 5, column: 16, fixable: false, reason: '`HttpError` is not a built-in or kit error class' },
        { messageId: 'missingCause', line: 6, column: 9, fixable: false, reason: 'AggregateError' },
      ],
    },
  ],
});

describe('error-cause in TypeScript, by the nearest tsconfig', () => {
  const root = mkdtempSync(join(tmpdir(), 'faultline-error-cause-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const source = "try { run(); } catch (e: unknown) { throw new Error('x'); }\n";

  function project(name: string, tsconfig: string): string {
    const dir = join(root, name);
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'tsconfig.json'), tsconfig);
    return join(dir, 'src', 'example.ts');
  }

  it.each([
    ['lib names es2022', '{ "compilerOptions": { "lib": ["es2022", "dom"] } }', true],
    ['lib names esnext, with comments and trailing commas', '{\n  // modern\n  "compilerOptions": { "lib": ["ESNext",], },\n}', true],
    ['lib names es2022.error', '{ "compilerOptions": { "lib": ["es2020", "es2022.error"] } }', true],
    ['lib names only es2021', '{ "compilerOptions": { "lib": ["es2021"], "target": "es2022" } }', false],
    ['target es2022 without lib', '{ "compilerOptions": { "target": "ES2022" } }', true],
    ['target es2019 without lib', '{ "compilerOptions": { "target": "es2019" } }', false],
    ['no compiler options', '{}', false],
  ])('%s', (name, tsconfig, native) => {
    const file = project(name.replace(/\W+/g, '-'), tsconfig);
    expect(supportsNativeErrorCause(file)).toBe(native);
    const output = runTransform(errorCause, source, file, kitAt(join(root, name.replace(/\W+/g, '-')))).output;
    expect(output).toContain(native ? "new Error('x', { cause: e })" : "new AppError('x', { cause: e })");
  });

  it('follows extends to a relative base config', () => {
    const file = project('extends', '{ "extends": "./base.json", "compilerOptions": { "strict": true } }');
    writeFileSync(join(root, 'extends', 'base.json'), '{ "compilerOptions": { "target": "es2023" } }');
    expect(supportsNativeErrorCause(file)).toBe(true);
  });

  it('treats a project without tsconfig like TypeScript defaults, which predate ES2022', () => {
    expect(supportsNativeErrorCause('/nonexistent-root/src/example.ts')).toBe(false);
  });

  it('always allows a native cause in JavaScript', () => {
    expect(supportsNativeErrorCause(join(root, 'anything', 'file.js'))).toBe(true);
    expect(supportsNativeErrorCause(join(root, 'anything', 'file.cjs'))).toBe(true);
  });

  it('keeps a TypeError under an old lib, and says what to change', () => {
    const file = project('old-type-error', '{ "compilerOptions": { "lib": ["es2019"] } }');
    const code = "try { run(); } catch (e) { throw new TypeError('x'); }\n";
    const run = runTransform(errorCause, code, file, kitAt(join(root, 'old-type-error')));
    expect(run.output).toBe(code);
    expect(run.findings).toHaveLength(1);
    expect(run.findings[0]?.reason).toContain('add "es2022" to compilerOptions.lib');
  });
});
