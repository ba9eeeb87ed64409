import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { ConversionError } from '../../cli/generate/conversion-error.js';
import { toJavaScript } from '../../cli/generate/to-javascript.js';

/** Both sides go through prettier, as the generator's output does, so only code and comments are compared. */
async function formatted(code: string): Promise<string> {
  return format(code, { parser: 'babel', singleQuote: true, printWidth: 120 });
}

interface Case {
  name: string;
  input: string;
  expected: string;
}

const cases: Case[] = [
  {
    name: 'a type-only import becomes an @import comment',
    input: `import type { Logger, Level as L } from './logger.js';\nexport const x = 1;`,
    expected: `/** @import { Logger, Level as L } from './logger.js' */\nexport const x = 1;`,
  },
  {
    name: 'type specifiers leave a mixed import, which keeps its values',
    input: `import { AppError, type Severity } from './app-error.js';\nexport const e = new AppError();`,
    expected: `import { AppError } from './app-error.js';\n/** @import { Severity } from './app-error.js' */\nexport const e = new AppError();`,
  },
  {
    name: 'an import used only in types is erased like the TypeScript compiler does, and kept for JSDoc',
    input: `import { Options, build } from './options.js';\nexport function make(options: Options) { return build(options); }`,
    expected: `import { build } from './options.js';\n/** @import { Options } from './options.js' */\n/** @param {Options} options */\nexport function make(options) { return build(options); }`,
  },
  {
    name: 'default and namespace type imports',
    input: `import type Pino from 'pino';\nimport type * as http from 'node:http';\nexport const n = 1;`,
    expected: `/** @import Pino from 'pino' */\n/** @import * as http from 'node:http' */\nexport const n = 1;`,
  },
  {
    name: 'value imports of every form are kept as written',
    input: `import express from 'express';\nimport * as path from 'node:path';\nimport { a, b as c } from './x.js';\nexport const all = [express, path, a, c];`,
    expected: `import express from 'express';\nimport * as path from 'node:path';\nimport { a, b as c } from './x.js';\nexport const all = [express, path, a, c];`,
  },
  {
    name: 'an interface becomes a typedef with one @property per member, keeping member comments',
    input: [
      '/** What a retry may do. */',
      'export interface RetryOptions {',
      '  /** How many attempts in all. */',
      '  attempts: number;',
      '  delayMs?: number; // before the second attempt',
      '  readonly signal?: AbortSignal;',
      '  onRetry?(error: unknown, attempt: number): void;',
      '}',
    ].join('\n'),
    expected: [
      '/**',
      ' * What a retry may do.',
      ' * @typedef {object} RetryOptions',
      ' * @property {number} attempts How many attempts in all.',
      ' * @property {number} [delayMs] before the second attempt',
      ' * @property {AbortSignal} [signal]',
      ' * @property {(error: unknown, attempt: number) => void} [onRetry]',
      ' */',
    ].join('\n'),
  },
  {
    name: 'a generic interface gets @template before its typedef',
    input: `export interface Result<T, E extends Error = Error> { value?: T; error?: E }`,
    expected: [
      '/**',
      ' * @template T',
      ' * @template {Error} [E=Error]',
      ' * @typedef {object} Result',
      ' * @property {T} [value]',
      ' * @property {E} [error]',
      ' */',
    ].join('\n'),
  },
  {
    name: 'an interface that extends others becomes an intersection',
    input: `interface Problem extends Base, Extra<string> { code: string; [key: string]: unknown }`,
    expected: `/** @typedef {Base & Extra<string> & { code: string; [key: string]: unknown }} Problem */`,
  },
  {
    name: 'type aliases of every shape',
    input: [
      `export type Severity = 'fatal' | 'error' | "warning";`,
      'type Handler = (error: unknown, context?: { requestId: string }) => Promise<void> | void;',
      'type Pair = readonly [code: string, status?: number];',
      'type Both = A & (B | C);',
      'type Codes = (typeof codes)[number];',
      'type Keys = keyof typeof errorClasses;',
      'type Ctor = new (...args: any[]) => Error;',
      'type Id = `${string}-${number}`;',
      'type Flags = { readonly [K in Keys]?: boolean };',
      'type Unwrap<T> = T extends Promise<infer U> ? U : T;',
      'type List = Array<string | number>[];',
    ].join('\n'),
    expected: [
      `/** @typedef {'fatal' | 'error' | "warning"} Severity */`,
      '/** @typedef {(error: unknown, context?: { requestId: string }) => Promise<void> | void} Handler */',
      '/** @typedef {readonly [code: string, status?: number]} Pair */',
      '/** @typedef {A & (B | C)} Both */',
      '/** @typedef {(typeof codes)[number]} Codes */',
      '/** @typedef {keyof typeof errorClasses} Keys */',
      '/** @typedef {new (...args: any[]) => Error} Ctor */',
      '/** @typedef {`${string}-${number}`} Id */',
      '/** @typedef {{ readonly [K in Keys]?: boolean }} Flags */',
      '/**',
      ' * @template T',
      ' * @typedef {T extends Promise<infer U> ? U : T} Unwrap',
      ' */',
      '/** @typedef {Array<string | number>[]} List */',
    ].join('\n'),
  },
  {
    name: 'an object type alias is documented like an interface',
    input: `/** Request-scoped values. */\nexport type RequestContext = {\n  requestId: string;\n  userId?: string;\n};`,
    expected: [
      '/**',
      ' * Request-scoped values.',
      ' * @typedef {object} RequestContext',
      ' * @property {string} requestId',
      ' * @property {string} [userId]',
      ' */',
    ].join('\n'),
  },
  {
    name: 'type re-exports become typedefs; local types are already exported by theirs',
    input: [
      `import type { Severity } from './app-error.js';`,
      'interface Local { a: string }',
      'const value = 1;',
      `export type { Problem, Body as ProblemBody } from './problem.js';`,
      `export { type Hook, retry } from './retry.js';`,
      'export { Local, value, Severity };',
      'export type { Local as Renamed };',
    ].join('\n'),
    expected: [
      `/** @import { Severity } from './app-error.js' */`,
      '/**',
      ' * @typedef {object} Local',
      ' * @property {string} a',
      ' */',
      'const value = 1;',
      `/** @typedef {import('./problem.js').Problem} Problem */`,
      `/** @typedef {import('./problem.js').Body} ProblemBody */`,
      `export { retry } from './retry.js';`,
      `/** @typedef {import('./retry.js').Hook} Hook */`,
      'export { value };',
      `/** @typedef {import('./app-error.js').Severity} Severity */`,
      '/** @typedef {Local} Renamed */',
    ].join('\n'),
  },
  {
    name: 'value re-exports are kept as written',
    input: `export * from './catalog.js';\nexport * as resilience from './resilience/index.js';\nexport { handleError, toProblem as problem } from './handler.js';`,
    expected: `export * from './catalog.js';\nexport * as resilience from './resilience/index.js';\nexport { handleError, toProblem as problem } from './handler.js';`,
  },
  {
    name: 'functions get @param and @returns; optional and defaulted parameters are bracketed; rest parameters spread',
    input: `export function log(message: string, level?: Level, depth: number = 1, ...rest: unknown[]): void {}`,
    expected: [
      '/**',
      ' * @param {string} message',
      ' * @param {Level} [level]',
      ' * @param {number} [depth]',
      ' * @param {...unknown} rest',
      ' * @returns {void}',
      ' */',
      'export function log(message, level, depth = 1, ...rest) {}',
    ].join('\n'),
  },
  {
    name: 'tags merge into the JSDoc block the function already has, keeping its text',
    input: [
      '/**',
      ' * Turns anything thrown into an AppError.',
      ' *',
      ' * @param error - whatever was caught',
      ' * @returns the error, or a new one keeping it as cause',
      ' */',
      'export function normalize(error: unknown): AppError {',
      '  return toAppError(error);',
      '}',
    ].join('\n'),
    expected: [
      '/**',
      ' * Turns anything thrown into an AppError.',
      ' *',
      ' * @param {unknown} error - whatever was caught',
      ' * @returns {AppError} the error, or a new one keeping it as cause',
      ' */',
      'export function normalize(error) {',
      '  return toAppError(error);',
      '}',
    ].join('\n'),
  },
  {
    name: 'generic and async functions, and type predicates',
    input: [
      'export async function withTimeout<T, const K extends string = string>(work: Promise<T>, key: K): Promise<T> { return work; }',
      'export function isAppError(value: unknown): value is AppError { return value instanceof AppError; }',
      'function assertString(value: unknown): asserts value is string {}',
    ].join('\n'),
    expected: [
      '/**',
      ' * @template T',
      ' * @template {string} [K=string]',
      ' * @param {Promise<T>} work',
      ' * @param {K} key',
      ' * @returns {Promise<T>}',
      ' */',
      'export async function withTimeout(work, key) { return work; }',
      '/**',
      ' * @param {unknown} value',
      ' * @returns {value is AppError}',
      ' */',
      'export function isAppError(value) { return value instanceof AppError; }',
      '/**',
      ' * @param {unknown} value',
      ' * @returns {asserts value is string}',
      ' */',
      'function assertString(value) {}',
    ].join('\n'),
  },
  {
    name: 'arrow functions assigned to a const are documented on the declaration',
    input: `/** Waits. */\nexport const sleep = async <T,>(ms: number, value?: T): Promise<T | undefined> => value;`,
    expected: [
      '/**',
      ' * Waits.',
      ' * @template T',
      ' * @param {number} ms',
      ' * @param {T} [value]',
      ' * @returns {Promise<T | undefined>}',
      ' */',
      'export const sleep = async (ms, value) => value;',
    ].join('\n'),
  },
  {
    name: 'a typed const gets @type, and function values of a typed const keep their own tags inline',
    input: `const codes: readonly string[] = [];\nexport const handler: Handler = (error: unknown) => {};\nlet count: number, total: number;`,
    expected: [
      '/** @type {readonly string[]} */',
      'const codes = [];',
      '/** @type {Handler} */',
      'export const handler = /** @param {unknown} error */ (error) => {};',
      'let /** @type {number} */ count, /** @type {number} */ total;',
    ].join('\n'),
  },
  {
    name: 'destructured and this parameters',
    input: `export function configure(this: Server, { cleanup, timeoutMs = 10 }: ProcessOptions = {}, [first]: string[]): void {}`,
    expected: [
      '/**',
      ' * @this {Server}',
      ' * @param {ProcessOptions} [options]',
      ' * @param {string[]} values',
      ' * @returns {void}',
      ' */',
      'export function configure({ cleanup, timeoutMs = 10 } = {}, [first]) {}',
    ].join('\n'),
  },
  {
    name: 'callbacks get inline tags; contextually typed ones are left alone',
    input: `export const names = items.map((item: Item): string => item.name).filter((name) => name !== '');`,
    expected: `export const names = items.map(/** @param {Item} item @returns {string} */ (item) => item.name).filter((name) => name !== '');`,
  },
  {
    name: 'class fields, modifiers, accessors, static members and generics',
    input: [
      'export abstract class Store<T extends object> extends Base<T> implements Iterable<T>, Disposable {',
      '  declare readonly brand: string;',
      '  private readonly items = new Map<string, T>();',
      '  protected static instances: number = 0;',
      '  public label?: string;',
      '  handler?: () => void;',
      '  ready!: boolean;',
      '  #secret: string = "s";',
      '  [key: string]: unknown;',
      '  abstract describe(): string;',
      '  override toString(): string { return this.label ?? ""; }',
      '  get size(): number { return this.items.size; }',
      '  set size(value: number) {}',
      '  static create<T extends object>(): Store<T> | undefined { return undefined; }',
      '  private async load(id: string): Promise<T | undefined> { return this.items.get(id); }',
      '  *[Symbol.iterator](): Iterator<T> { yield* this.items.values(); }',
      '  [Symbol.dispose](): void {}',
      '}',
    ].join('\n'),
    expected: [
      '/**',
      ' * @template {object} T',
      ' * @extends {Base<T>}',
      ' * @implements {Iterable<T>}',
      ' * @implements {Disposable}',
      ' */',
      'export class Store extends Base {',
      '  /** @type {Map<string, T>} @private @readonly */',
      '  items = new Map();',
      '  /** @type {number} @protected */',
      '  static instances = 0;',
      '  /** @type {string | undefined} */',
      '  label;',
      '  /** @type {(() => void) | undefined} */',
      '  handler;',
      '  /** @type {boolean} */',
      '  ready;',
      '  /** @type {string} */',
      '  #secret = "s";',
      '  /** @returns {string} */',
      '  toString() { return this.label ?? ""; }',
      '  /** @returns {number} */',
      '  get size() { return this.items.size; }',
      '  /** @param {number} value */',
      '  set size(value) {}',
      '  /**',
      '   * @template {object} T',
      '   * @returns {Store<T> | undefined}',
      '   */',
      '  static create() { return undefined; }',
      '  /**',
      '   * @param {string} id',
      '   * @returns {Promise<T | undefined>}',
      '   * @private',
      '   */',
      '  async load(id) { return this.items.get(id); }',
      '  /** @returns {Iterator<T>} */',
      '  *[Symbol.iterator]() { yield* this.items.values(); }',
      '  [Symbol.dispose]() {}',
      '}',
    ].join('\n'),
  },
  {
    name: 'an error class with cause keeps its constructor documentation',
    input: [
      'export class AppError extends Error {',
      "  override name = 'AppError';",
      '  readonly code: string;',
      '  /** Builds the error; `cause` is kept natively. */',
      '  constructor(message: string, options: { code: string; cause?: unknown }) {',
      '    super(message, { cause: options.cause });',
      '    this.code = options.code;',
      '  }',
      '}',
    ].join('\n'),
    expected: [
      'export class AppError extends Error {',
      "  name = 'AppError';",
      '  /** @type {string} @readonly */',
      '  code;',
      '  /**',
      '   * Builds the error; `cause` is kept natively.',
      '   * @param {string} message',
      '   * @param {{ code: string; cause?: unknown }} options',
      '   */',
      '  constructor(message, options) {',
      '    super(message, { cause: options.cause });',
      '    this.code = options.code;',
      '  }',
      '}',
    ].join('\n'),
  },
  {
    name: 'as, as const, satisfies, angle-bracket assertions and non-null assertions',
    input: [
      'const a = value as Error;',
      'const b = (value as unknown as Record<string, number>).x;',
      "export const statuses = { ok: 200 } as const satisfies Record<string, number>;",
      'const c = <string>other;',
      'const d = maybe!.value!;',
      'const e = make<string>;',
    ].join('\n'),
    expected: [
      'const a = /** @type {Error} */ (value);',
      'const b = /** @type {Record<string, number>} */ (/** @type {unknown} */ (value)).x;',
      'export const statuses = /** @satisfies {Record<string, number>} */ (/** @type {const} */ ({ ok: 200 }));',
      'const c = /** @type {string} */ (other);',
      'const d = maybe.value;',
      'const e = make;',
    ].join('\n'),
  },
  {
    name: 'type arguments on calls are removed; on `new` they are kept as the variable type',
    input: `const cache = new Map<string, Error>();\nconst parsed = parse<Config>(text);`,
    expected: `/** @type {Map<string, Error>} */\nconst cache = new Map();\nconst parsed = parse(text);`,
  },
  {
    name: 'overloads and declarations disappear; the implementation keeps its tags',
    input: [
      'declare const process: unknown;',
      'export function pick(value: string): string;',
      'export function pick(value: number): number;',
      'export function pick(value: string | number): string | number { return value; }',
    ].join('\n'),
    expected: [
      '/**',
      ' * @param {string | number} value',
      ' * @returns {string | number}',
      ' */',
      'export function pick(value) { return value; }',
    ].join('\n'),
  },
  {
    name: 'a lone void return type adds nothing inference does not know',
    input: `const stop = (): void => controller.abort();`,
    expected: `const stop = () => controller.abort();`,
  },
  {
    name: 'a comment separated from a declaration by a blank line is not its documentation',
    input: `/** Helpers for the kit. */\n\nexport function id(value: string): string { return value; }`,
    expected: `/** Helpers for the kit. */\n\n/**\n * @param {string} value\n * @returns {string}\n */\nexport function id(value) { return value; }`,
  },
  {
    name: 'object literal methods and function-valued properties',
    input: `export const hooks = {\n  onRetry(attempt: number): void {},\n  onTrip: (name: string) => {},\n};`,
    expected: [
      'export const hooks = {',
      '  /**',
      '   * @param {number} attempt',
      '   * @returns {void}',
      '   */',
      '  onRetry(attempt) {},',
      '  /** @param {string} name */',
      '  onTrip: (name) => {},',
      '};',
    ].join('\n'),
  },
];

describe('toJavaScript', () => {
  it.each(cases)('$name', async ({ input, expected }) => {
    const output = toJavaScript(input, 'case.ts');
    expect(await formatted(output)).toBe(await formatted(expected));
  });

  it('leaves untouched code, comments and blank lines byte for byte', () => {
    const input = [
      '// header comment',
      '',
      "import {a,b} from './x.js'   // odd spacing stays",
      '',
      '',
      'export function  f( x : number ) {',
      '  /* inner */ return a+b+x',
      '}',
      '',
    ].join('\n');
    const output = toJavaScript(input, 'case.ts');
    expect(output).toBe(
      [
        '// header comment',
        '',
        "import {a,b} from './x.js'   // odd spacing stays",
        '',
        '',
        '/** @param {number} x */',
        'export function  f( x ) {',
        '  /* inner */ return a+b+x',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('returns JavaScript input unchanged, so converting twice changes nothing', () => {
    for (const { input } of cases) {
      const javascript = toJavaScript(input, 'case.ts');
      expect(toJavaScript(javascript, 'case.js')).toBe(javascript);
    }
  });

  it('produces modules that parse as JavaScript', async () => {
    for (const { input } of cases) {
      await expect(format(toJavaScript(input, 'case.ts'), { parser: 'babel' })).resolves.toBeTypeOf('string');
    }
  });

  it.each([
    ['enum Color { Red }', /case\.ts:1: an enum .*const object/],
    ['namespace N { export const x = 1; }', /case\.ts:1: a namespace/],
    ['class A {\n  constructor(private readonly x: string) {}\n}', /case\.ts:2: a constructor parameter property .*declare the field/],
    ['@sealed class A {}', /decorators/],
    ['export = thing;', /`export =`/],
    ["import fs = require('fs');", /import x = require/],
    ["export type * from './types.js';", /`export type \*`/],
  ])('rejects %j with a message naming the file, line and remedy', (input, message) => {
    expect(() => toJavaScript(input, 'case.ts')).toThrow(ConversionError);
    expect(() => toJavaScript(input, 'case.ts')).toThrow(message);
  });

  it('reports a syntax error with the file name instead of a parser stack', () => {
    expect(() => toJavaScript('const = ;', 'kit/broken.ts')).toThrow(/^kit\/broken\.ts: cannot parse the module/);
  });
});
