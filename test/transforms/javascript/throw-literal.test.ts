import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformSource } from '../../../cli/migrate/transform-file.js';
import { allTransforms } from '../../../transforms/javascript/registry.js';
import * as throwLiteral from '../../../transforms/javascript/throw-literal.js';
import { FIXTURES_ROOT, REPO_ROOT } from '../../support/fixtures.js';
import { PROJECT, ruleTester } from './rule-tester.js';
import { kitAt, runTransform } from './run-transform.js';

const js = `${PROJECT}/src/example.mjs`;
const ts = `${PROJECT}/src/example.ts`;
// A first import goes above the code with a blank line after it.
const appErrorImport = "import { AppError } from './errors/index.js';\n\n";

ruleTester(throwLiteral, {
  valid: [
    { code: "throw new Error('x');", filename: js },
    { code: "throw new AppError('x');", filename: js },
    { code: "throw Error('x');", filename: js },
    { code: "throw createHttpError(404, 'x');", filename: js },
    { code: "throw errors.badRequestError('x');", filename: js },
    { code: 'try { run(); } catch (e) { throw e; }', filename: js },
    { code: 'try { run(); } catch ({ cause }) { later(() => { throw cause; }); }', filename: js },
    { code: 'function fail(reason) { throw reason; }', filename: js },
    { code: 'promise.catch((error) => { log(error); throw error; });', filename: js },
    { code: 'try { run(); } catch (e) { throw e as Error; }', filename: ts },
    { code: "// faultline-ignore throw-literal: a sentinel the caller matches\nthrow 'stop';", filename: js },
  ],
  invalid: [
    {
      name: 'a string keeps its quotes and text',
      code: 'throw "Disk full";\n',
      filename: js,
      findings: [{ messageId: 'literalThrown', line: 1, column: 7 }],
      output: 'import { AppError } from "./errors/index.js";\n\nthrow new AppError("Disk full");\n',
    },
    {
      name: 'a template and a concatenation are kept as they are',
      code: "if (a) throw `Bad ${a}`;\nthrow 'Missing: ' + name;\n",
      filename: js,
      findings: [
        { messageId: 'literalThrown', line: 1, column: 14 },
        { messageId: 'literalThrown', line: 2, column: 7 },
      ],
      output: `${appErrorImport}if (a) throw new AppError(\`Bad \${a}\`);\nthrow new AppError('Missing: ' + name);\n`,
    },
    {
      name: 'numbers become their string form',
      code: "if (a) throw 404;\nif (b) throw -1;\nthrow 0x10;\n",
      filename: js,
      findings: [
        { messageId: 'literalThrown', line: 1, column: 14 },
        { messageId: 'literalThrown', line: 2, column: 14 },
        { messageId: 'literalThrown', line: 3, column: 7 },
      ],
      output: `${appErrorImport}if (a) throw new AppError('404');\nif (b) throw new AppError('-1');\nthrow new AppError('16');\n`,
    },
    {
      name: 'an object keeps its message, its fields as details and its own cause',
      code: "throw { status: 409, 'message': `Taken: ${name}`, cause: previous };\n",
      filename: js,
      findings: [{ messageId: 'objectThrown', line: 1, column: 7 }],
      output: `${appErrorImport}throw new AppError(\`Taken: \${name}\`, { details: { status: 409 }, cause: previous });\n`,
    },
    {
      name: 'a message that is not written as a string is turned into one',
      code: 'throw { code, message };\nthrow { message: 42 };\n',
      filename: ts,
      findings: [
        { messageId: 'objectThrown', line: 1, column: 7 },
        { messageId: 'objectThrown', line: 2, column: 7 },
      ],
      output: `${appErrorImport}throw new AppError(String(message), { details: { code } });\nthrow new AppError('42');\n`,
    },
    {
      name: 'an object without a message gets the documented one',
      code: 'throw {};\n',
      filename: js,
      findings: [{ messageId: 'objectThrown', line: 1, column: 7 }],
      output: `${appErrorImport}throw new AppError('${throwLiteral.OBJECT_WITHOUT_MESSAGE}');\n`,
    },
    {
      name: 'a message the mappings know gets its catalog class',
      code: 'throw `Invoice ${id} not found`;\n',
      filename: js,
      findings: [{ messageId: 'literalThrown', line: 1, column: 7 }],
      output: "import { NotFoundError } from './errors/index.js';\n\nthrow new NotFoundError(`Invoice ${id} not found`, { expose: false });\n",
    },
    {
      name: 'in a catch block the caught error becomes the cause, binding it when needed',
      code: "try { a(); } catch (e) { throw 'A failed'; }\ntry { b(); } catch { throw { code: 'B' }; }\ntry { c(); } catch ({ code }) { throw `C failed: ${code}`; }\n",
      filename: js,
      findings: [
        { messageId: 'literalThrown', line: 1, column: 32 },
        { messageId: 'objectThrown', line: 2, column: 28 },
        { messageId: 'literalThrown', line: 3, column: 39 },
      ],
      output:
        appErrorImport +
        "try { a(); } catch (e) { throw new AppError('A failed', { cause: e }); }\n" +
        `try { b(); } catch (error) { throw new AppError('${throwLiteral.OBJECT_WITHOUT_MESSAGE}', { details: { code: 'B' }, cause: error }); }\n` +
        'try { c(); } catch (error) { const { code } = error; throw new AppError(`C failed: ${code}`, { cause: error }); }\n',
    },
    {
      name: 'a local AppError is left to the file, and the kit class is aliased',
      code: "class AppError {}\nthrow 'x';\n",
      filename: js,
      findings: [{ messageId: 'literalThrown', line: 2, column: 7 }],
      output: "import { AppError as KitAppError } from './errors/index.js';\n\nclass AppError {}\nthrow new KitAppError('x');\n",
    },
    {
      name: 'sites left alone say why',
      code: [
        'if (a) throw null;',
        'if (b) throw undefined;',
        'if (c) throw problem;',
        'if (d) throw lookup(code);',
        'if (e) throw { ...base, code };',
        'if (f) throw { get message() { return "x"; } };',
        'throw { at: now(), message: describe() };',
        '',
      ].join('\n'),
      filename: js,
      findings: [
        { messageId: 'literalThrown', line: 1, column: 14, fixable: false, reason: 'carries no message' },
        { messageId: 'literalThrown', line: 2, column: 14, fixable: false, reason: '`undefined` carries no message' },
        { messageId: 'mayNotBeError', line: 3, column: 14, fixable: false, reason: '`problem` may hold an Error already' },
        { messageId: 'mayNotBeError', line: 4, column: 14, fixable: false, reason: 'cannot tell whether it is an Error' },
        { messageId: 'objectThrown', line: 5, column: 14, fixable: false, reason: 'spreads another object' },
        { messageId: 'objectThrown', line: 6, column: 14, fixable: false, reason: 'methods or accessors' },
        { messageId: 'objectThrown', line: 7, column: 7, fixable: false, reason: 'order they run in' },
      ],
    },
  ],
});

describe('throw-literal', () => {
  it('reports values that may not be errors only for information', () => {
    const run = runTransform(throwLiteral, 'throw problem;\nthrow null;\n', js, kitAt(PROJECT));
    expect(run.findings.map((finding) => finding.severity)).toEqual(['info', 'warning']);
  });

  it('knows a constant made as an error, and an error chosen by class, are errors; a let that may have changed is not known', () => {
    const code = [
      'function a(name) {',
      '  const error = new TypeError(`bad ${name}`);',
      "  error.code = 'ERR_BAD';",
      '  throw error;',
      '}',
      'function b() {',
      '  try { run(); } catch (e) {',
      "    const wrapped = e instanceof BaseError ? e : new ReadError('read failed', { cause: e });",
      '    throw wrapped;',
      '  }',
      '}',
      "function c() { try { run(); } catch (e) { throw e instanceof BaseError ? e : createError('x'); } }",
      'function d() {',
      "  let failure = new Error('first');",
      "  if (retry()) failure = 'gave up';",
      '  throw failure;',
      '}',
      '',
    ].join('\n');
    const run = runTransform(throwLiteral, code, js, kitAt(PROJECT));
    expect(run.findings.map((finding) => [finding.line, finding.messageId])).toEqual([[16, 'mayNotBeError']]);
  });

  it('says it can change behaviour, and has its docs page', () => {
    expect(throwLiteral.meta.changesBehaviour).toBe(true);
    expect(existsSync(join(REPO_ROOT, throwLiteral.meta.docs))).toBe(true);
  });

  it('binds a catch clause once when error-cause binds the same clause in the same run', () => {
    const source = "try { run(); } catch {\n  if (a) throw 'Run failed';\n  throw new Error('Run broke');\n}\n";
    const outcome = transformSource({ source, filePath: js, transforms: allTransforms, kit: kitAt(PROJECT) });
    expect(outcome.kind).toBe('changed');
    expect(outcome.kind === 'changed' && outcome.text).toBe(
      `${appErrorImport}try { run(); } catch (error) {\n  if (a) throw new AppError('Run failed', { cause: error });\n  throw new Error('Run broke', { cause: error });\n}\n`,
    );
  });

  it('runs as a plain jscodeshift transform', async () => {
    const file = join(FIXTURES_ROOT, 'throw-literal', 'string-literal.input.ts');
    const output = await throwLiteral.default({ path: file, source: "export const f = () => { throw 'x'; };\n" }, {}, { kitDir: join(FIXTURES_ROOT, 'src', 'errors') });
    expect(output).toBe("import { AppError } from '../src/errors/index.js';\n\nexport const f = () => { throw new AppError('x'); };\n");
  });
});
