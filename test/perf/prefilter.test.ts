import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectModuleStyle } from '../../transforms/javascript/lib/module-style.js';
import { parseSource } from '../../transforms/javascript/lib/parse.js';
import { everyThrowConstructs } from '../../transforms/javascript/lib/throw-text.js';
import * as domainErrors from '../../transforms/javascript/domain-errors.js';
import * as throwLiteral from '../../transforms/javascript/throw-literal.js';
import { allTransforms } from '../../transforms/javascript/registry.js';
import { auditRules } from '../../transforms/javascript/rules/registry.js';
import { fixtureCorpus, fixtureKit, fixtureRoot } from './corpus.js';

const kit = fixtureKit();

describe('pre-filters let through every file with findings', () => {
  it.each(fixtureCorpus().map(([file, source]) => [path.relative(fixtureRoot, file), file, source] as const))('%s', (_name, file, source) => {
    let ast;
    try {
      ast = parseSource(source, file, { lean: true });
    } catch {
      return;
    }
    const context = { filePath: file, source, ast, kit, moduleStyle: detectModuleStyle(ast, file) };
    for (const module of [...allTransforms, ...auditRules]) {
      if (module.detect(context).length > 0) expect(module.mightMatch(source), module.meta.id).toBe(true);
    }
  });
});

describe('everyThrowConstructs', () => {
  it.each([
    ["throw new Error('a');", true],
    ['if (x) { throw new errors.NotFound("x (y) \\" )") }', true],
    ['function f() {\n  throw new ValidationError(a, f(b))\n}', true],
    ['const a = 1;', true],
    ["throw 'x';", false],
    ['throw err;', false],
    ["throw new Error('a') + b;", false],
    ["throw new Error('a)') || x;", false],
    ['throw new Error(a)\n.withCode(1);', false],
    ['throw new Error(a)(b);', false],
    ['throw new Error(/[)]/.source);', false],
    ['throw new Error(`${a})`);', false],
    ['throw new Error(a /* ) */);', false],
    ['throw new Error;', false],
    ['throw new Error<string>("a");', false],
    ["throw new Error('a');\nthrow 'b';", false],
    ["throw new Error('unterminated);", false],
    ["throw new _errors['default']('not found');", true],
    ['throw new _errors["default"].NotFound("x");', true],
    ['throw new errors . NotFound ( "x" );', true],
    ['throw new Error(`plain template (with parens)`);', true],
    ['throw new Error(`${name} (computed)`);', false],
    ['throw new Error(`escaped \\` quote (x)`);', true],
    ["throw new _errors[name]('x');", false],
    ["throw new _errors['a' + b]('x');", false],
    ["throw new _errors['default']('x') || y;", false],
  ])('%j -> %s', (code, expected) => {
    expect(everyThrowConstructs(code)).toBe(expected);
  });
});

describe('tighter pre-filters', () => {
  it('throw-literal skips a file that only throws constructed errors, and keeps one that throws anything else', () => {
    expect(throwLiteral.mightMatch("try { a(); } catch (e) { throw new WrappedError('a', { cause: e }); }")).toBe(false);
    expect(throwLiteral.mightMatch("const rethrow = () => 1; // never throw strings\nthrow new E('a');")).toBe(true);
    expect(throwLiteral.mightMatch('if (!ok) throw code;')).toBe(true);
    expect(throwLiteral.mightMatch('rethrow(x); throws(y);')).toBe(false);
  });

  it('domain-errors skips files that name only other error classes', () => {
    expect(domainErrors.mightMatch('throw new TypeError("a"); if (e instanceof RangeError) errorCount++;')).toBe(false);
    expect(domainErrors.mightMatch('throw new Error("a");')).toBe(true);
    expect(domainErrors.mightMatch('throw new kit.AppError("a");')).toBe(true);
    expect(domainErrors.mightMatch('throw new \\u0045rror("a"); // TypeError')).toBe(true);
  });
});

describe('error-message-only-logged pre-filter covers every logger its detection accepts', () => {
  const rule = auditRules.find((r) => r.meta.id === 'error-message-only-logged')!;
  it.each([
    'try { run(); } catch (e) { Logger.error(e.message); }',
    'function handle(e) { pino.warn(e.message); }',
    'function handle(ex) { this.Log.info(`${ex}`); }',
  ])('%s', (source) => {
    const file = path.join(fixtureRoot, 'snippet.js');
    const ast = parseSource(source, file, { lean: true });
    const findings = rule.detect({ filePath: file, source, ast, kit, moduleStyle: detectModuleStyle(ast, file) });
    expect(findings.length).toBeGreaterThan(0);
    expect(rule.mightMatch(source)).toBe(true);
  });
});
