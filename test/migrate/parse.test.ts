import { describe, expect, it } from 'vitest';
import { ParseFailure, parseSource } from '../../transforms/javascript/lib/parse.js';

function failureOf(source: string, file: string): ParseFailure {
  try {
    parseSource(source, file);
  } catch (error) {
    if (error instanceof ParseFailure) return error;
    throw error;
  }
  throw new Error('expected a parse failure');
}

describe('parseSource', () => {
  it('reads `<T>value` type assertions in .ts, .mts and .cts files', () => {
    for (const file of ['a.ts', 'a.mts', 'a.cts']) {
      const ast = parseSource('const x = <number>value;\n', file);
      expect(ast.program.body[0]?.type).toBe('VariableDeclaration');
    }
  });

  it('reads JSX in .tsx, .jsx and .js files, and fails on it in .ts', () => {
    for (const file of ['a.tsx', 'a.jsx', 'a.js']) expect(() => parseSource('const el = <div a="1">{x}</div>;', file)).not.toThrow();
    expect(() => parseSource('const el = <div a="1">{x}</div>;', 'a.ts')).toThrow(ParseFailure);
  });

  it('rejects TypeScript syntax in plain JavaScript files', () => {
    expect(() => parseSource('let x: number = 1;', 'a.js')).toThrow(ParseFailure);
  });

  it('reads decorators before and after export, and TypeScript parameter decorators', () => {
    expect(() => parseSource('@injectable() export class A {}', 'a.ts')).not.toThrow();
    expect(() => parseSource('export @injectable() class A {}', 'a.ts')).not.toThrow();
    expect(() => parseSource('class A { constructor(@Inject(T) private readonly t: T) {} }', 'a.ts')).not.toThrow();
  });

  it('falls back to a script for sloppy-mode code, and accepts top-level return in CommonJS', () => {
    expect(parseSource('with (scope) { x = 010; }', 'legacy.js').program.sourceType).toBe('script');
    expect(() => parseSource('if (done) return;\nmodule.exports = 1;', 'a.cjs')).not.toThrow();
    expect(parseSource('import a from "a";\nexport default a;', 'a.js').program.sourceType).toBe('module');
  });

  it('reports the 1-based line and column of a syntax error, without the position in the message', () => {
    const failure = failureOf('const a = 1;\nconst b = ;\n', 'a.ts');
    expect(failure).toMatchObject({ line: 2, column: 11 });
    expect(failure.message).toMatch(/^Unexpected token/);
    expect(failure.message).not.toMatch(/\(\d+:\d+\)/);
  });

  it('reports a decorator before a rest parameter, which no configuration accepts, at its position', () => {
    const failure = failureOf('class A {\n  m(@d ...rest) {}\n}\n', 'a.ts');
    expect(failure.line).toBe(2);
    expect(failure.column).toBeGreaterThan(2);
  });

  it('keeps offsets and ranges for text edits', () => {
    const ast = parseSource('  throw x;', 'a.js');
    const statement = ast.program.body[0] as unknown as { start: number; end: number; range: [number, number] };
    expect([statement.start, statement.end]).toEqual([2, 10]);
    expect(statement.range).toEqual([2, 10]);
  });
});
