import type { CatchClause, File, Node } from '@babel/types';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../transforms/shared/apply-edits.js';
import { bindCatchParameter, enclosingCatchBody, operationName } from '../../../transforms/javascript/lib/catch-helpers.js';
import { withoutSuppressed } from '../../../transforms/javascript/lib/findings.js';
import { parseJsonc } from '../../../transforms/javascript/lib/jsonc.js';
import { parseSource } from '../../../transforms/javascript/lib/parse.js';
import { indentUnitOf, lineEndingOf } from '../../../transforms/javascript/lib/source-style.js';
import { walk } from '../../../transforms/javascript/lib/walk.js';
import type { Finding } from '../../../transforms/types.js';

function firstCatch(source: string, filePath = '/p/a.ts'): { ast: File; clause: CatchClause; ancestors: Node[] } {
  const ast = parseSource(source, filePath);
  let found: { clause: CatchClause; ancestors: Node[] } | undefined;
  walk(ast, (node, ancestors) => {
    if (node.type === 'CatchClause' && found === undefined) found = { clause: node, ancestors: [...ancestors] };
  });
  if (found === undefined) throw new Error('no catch clause in test source');
  return { ast, ...found };
}

describe('bindCatchParameter', () => {
  it('reuses a plain parameter', () => {
    const source = 'try {} catch (e: unknown) {}';
    expect(bindCatchParameter(firstCatch(source).clause, source)).toEqual({ name: 'e', paramEdits: [] });
  });

  it('adds a parameter to an optional binding, avoiding names used in the clause', () => {
    const source = 'try {} catch { use(error, err); }';
    const binding = bindCatchParameter(firstCatch(source).clause, source);
    expect(binding.name).toBe('caughtError');
    expect(applyEdits(source, binding.paramEdits)).toBe('try {} catch (caughtError) { use(error, err); }');
  });

  it('replaces a destructuring pattern, keeping its type annotation and returning the destructuring', () => {
    const source = 'try {} catch ({ message, code }: any) {}';
    const binding = bindCatchParameter(firstCatch(source).clause, source);
    expect(applyEdits(source, binding.paramEdits)).toBe('try {} catch (error: any) {}');
    expect(binding.destructuring).toBe('const { message, code } = error;');
  });
});

describe('operationName', () => {
  it.each([
    ['function loadUser() { try {} catch {} }', 'loadUser'],
    ['class Repo { async find() { try {} catch {} } }', 'Repo.find'],
    ['class Repo { #sync() { try {} catch {} } }', 'Repo.#sync'],
    ['const save = async () => { try {} catch {} };', 'save'],
    ['const save = useCallback(async () => { try {} catch {} });', 'save'],
    ['handlers.onClick = function () { try {} catch {} };', 'onClick'],
    ['function boot() { run(() => { try {} catch {} }); }', 'boot'],
    ['class Repo { [key]() { try {} catch {} } }', 'a'],
    ['run(() => { try {} catch {} });', 'a'],
    ['try {} catch {}', 'a'],
  ])('%s → %s', (source, expected) => {
    const { ancestors } = firstCatch(source);
    expect(operationName(ancestors, '/p/src/a.ts')).toBe(expected);
  });

  it('names an index module after its folder', () => {
    const { ancestors } = firstCatch('try {} catch {}');
    expect(operationName(ancestors, '/p/src/users/index.js')).toBe('users');
  });
});

describe('enclosingCatchBody', () => {
  it('finds the innermost catch body, across functions only when asked', () => {
    const source = 'try {} catch (outer) { later(() => { call(); }); try {} catch (inner) { call(); } }';
    const ast = parseSource(source, '/p/a.js');
    const calls: Array<{ inFunction: string | undefined; direct: string | undefined }> = [];
    walk(ast, (node, ancestors) => {
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'call') return;
      const name = (clause: CatchClause | undefined): string | undefined => (clause?.param?.type === 'Identifier' ? clause.param.name : undefined);
      calls.push({ inFunction: name(enclosingCatchBody(ancestors, node, true)), direct: name(enclosingCatchBody(ancestors, node, false)) });
    });
    expect(calls).toEqual([
      { inFunction: 'outer', direct: undefined },
      { inFunction: 'inner', direct: 'inner' },
    ]);
  });
});

describe('withoutSuppressed', () => {
  const finding = (line: number): Finding => ({
    ruleId: 'empty-catch',
    messageId: 'emptyCatch',
    message: '',
    severity: 'error',
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
    start: 0,
    end: 1,
    fixable: true,
  });

  it('drops findings on the comment line or the line after it, for the named rule only', () => {
    const source = 'a();\n// faultline-ignore empty-catch: reason\nb();\nc();\n/* faultline-ignore useless-catch */ d();\n';
    const ast = parseSource(source, '/p/a.js');
    const kept = withoutSuppressed([1, 2, 3, 4, 5].map(finding), ast, 'empty-catch');
    expect(kept.map((item) => item.line)).toEqual([1, 4, 5]);
  });
});

describe('source style', () => {
  it('detects line endings and indentation', () => {
    expect(lineEndingOf('a\r\nb')).toBe('\r\n');
    expect(lineEndingOf('a\nb\r\n')).toBe('\n');
    expect(indentUnitOf('if (a) {\n    b();\n}\n')).toBe('    ');
    expect(indentUnitOf('if (a) {\n\tb();\n}\n')).toBe('\t');
    expect(indentUnitOf('/**\n * doc\n */\nrun();\n')).toBe('  ');
  });
});

describe('parseJsonc', () => {
  it('reads comments and trailing commas but not inside strings', () => {
    expect(parseJsonc('{\n  // c\n  "a": "x // y", /* z */ "b": [1, 2,],\n}')).toEqual({ a: 'x // y', b: [1, 2] });
    expect(parseJsonc('{ "a": "quote \\" , }" }')).toEqual({ a: 'quote " , }' });
  });

  it('still rejects what is not JSON', () => {
    expect(() => parseJsonc('{ a: 1 }')).toThrow(SyntaxError);
  });
});
