import { describe, expect, it } from 'vitest';
import { declareFunctionsBeforeUse, usedBeforeDefined, withRecursionExcused } from '../../cli/generate/declare-before-use.js';

const problem = (name: string, ruleId = 'no-use-before-define') => ({ ruleId, line: 1, message: `'${name}' was used before it was defined.` });

describe('declareFunctionsBeforeUse', () => {
  it('moves an interface and a type alias the base rule reports (as airbnb configures it for TypeScript) above their first use', () => {
    const text = [
      'export function read(thrown: Fields): Code {',
      '  return thrown.code as Code;',
      '}',
      '',
      '/** The fields read. */',
      'interface Fields {',
      '  code?: unknown;',
      '}',
      '',
      "type Code = 'A' | 'B';",
      '',
    ].join('\n');
    expect(declareFunctionsBeforeUse(text, 'kit.ts', [problem('Fields'), problem('Code')])).toBe(
      [
        '/** The fields read. */',
        'interface Fields {',
        '  code?: unknown;',
        '}',
        '',
        "type Code = 'A' | 'B';",
        '',
        'export function read(thrown: Fields): Code {',
        '  return thrown.code as Code;',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('moves a helper, with its JSDoc, above the first statement that calls it, and leaves one blank line where it was', () => {
    const text = [
      "import { x } from './x.js';",
      '',
      '/** Doubles. */',
      'export function double(value: number): number {',
      '  return twice(value);',
      '}',
      '',
      'export const y = 1;',
      '',
      '/** Twice the value. */',
      'function twice(value: number): number {',
      '  return value * 2;',
      '}',
      '',
      'export const z = 2;',
      '',
    ].join('\n');
    expect(declareFunctionsBeforeUse(text, 'kit.ts', [problem('twice', '@typescript-eslint/no-use-before-define')])).toBe(
      [
        "import { x } from './x.js';",
        '',
        '/** Twice the value. */',
        'function twice(value: number): number {',
        '  return value * 2;',
        '}',
        '',
        '/** Doubles. */',
        'export function double(value: number): number {',
        '  return twice(value);',
        '}',
        '',
        'export const y = 1;',
        '',
        'export const z = 2;',
        '',
      ].join('\n'),
    );
  });

  it('moves a nested function to the top of its own block, re-indented to it', () => {
    const text = 'function outer() {\n  if (a) {\n    run();\n  }\n  function run() {\n    return 1;\n  }\n}\n';
    expect(declareFunctionsBeforeUse(text, 'kit.js', [problem('run')])).toBe('function outer() {\n  function run() {\n    return 1;\n  }\n\n  if (a) {\n    run();\n  }\n}\n');
  });

  it('leaves constants, classes, overloads, property names and names it was not told about alone', () => {
    const constant = 'export const a = () => b();\nconst b = () => 1;\n';
    expect(declareFunctionsBeforeUse(constant, 'kit.js', [problem('b')])).toBeUndefined();
    const overloaded = 'export const a = f(1);\nfunction f(x: number): number;\nfunction f(x: number): number { return x; }\n';
    expect(declareFunctionsBeforeUse(overloaded, 'kit.ts', [problem('f')])).toBeUndefined();
    const property = 'export const a = { helper: 1 }.helper;\nfunction helper() {}\n';
    expect(declareFunctionsBeforeUse(property, 'kit.js', [problem('helper')])).toBeUndefined();
    const untold = 'export const a = helper();\nfunction helper() {}\n';
    expect(declareFunctionsBeforeUse(untold, 'kit.js', [{ ruleId: 'no-undef', line: 1, message: "'helper' is not defined." }])).toBeUndefined();
  });

  it('reads the name from the rule of ESLint, typescript-eslint and antfu configs only', () => {
    expect(usedBeforeDefined(problem('a'))).toBe('a');
    expect(usedBeforeDefined(problem('a', 'ts/no-use-before-define'))).toBe('a');
    expect(usedBeforeDefined(problem('a', 'no-undef'))).toBeUndefined();
  });
});

describe('withRecursionExcused', () => {
  it('says at the call why two functions that call each other are left as they are', () => {
    const text = 'function a(n) {\n  return n > 0 ? b(n - 1) : 0;\n}\n\nfunction b(n) {\n  return a(n);\n}\n';
    const problems = [{ ruleId: 'no-use-before-define', line: 2, message: "'b' was used before it was defined." }];
    expect(withRecursionExcused(text, 'kit.js', problems)!.split('\n').slice(0, 3)).toEqual([
      'function a(n) {',
      '  // eslint-disable-next-line no-use-before-define -- these functions call each other; declarations are hoisted',
      '  return n > 0 ? b(n - 1) : 0;',
    ]);
    const constant = [{ ruleId: 'no-use-before-define', line: 1, message: "'LIMIT' was used before it was defined." }];
    expect(withRecursionExcused('export const x = () => LIMIT;\nconst LIMIT = 1;\n', 'kit.js', constant)).toBeUndefined();
  });
});
