import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { defaultImportForm } from '../../cli/generate/commonjs-default-import.js';
import { ConversionError } from '../../cli/generate/conversion-error.js';
import { toCommonJs } from '../../cli/generate/to-commonjs.js';

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
    name: 'named imports destructure the require',
    input: `import { a, b as c } from './x.js';\nimport { 'not-an-identifier' as d } from 'pkg';\nuse(a, c, d);`,
    expected: `'use strict';\n\nconst { a, b: c } = require('./x.js');\nconst { 'not-an-identifier': d } = require('pkg');\nuse(a, c, d);`,
  },
  {
    name: 'default imports of builtins, relative modules and packages whose module.exports is the default',
    input: `import fs from 'node:fs';\nimport assert from 'node:assert/strict';\nimport data from './data.json' with { type: 'json' };\nimport express from 'express';\nimport pino from 'pino';\nuse(fs, assert, data, express, pino);`,
    expected: `'use strict';\n\nconst fs = require('node:fs');\nconst assert = require('node:assert/strict');\nconst data = require('./data.json');\nconst express = require('express');\nconst pino = require('pino');\nuse(fs, assert, data, express, pino);`,
  },
  {
    name: 'a default import from any other package reads .default when the package provides one',
    input: `import chalk from 'chalk';\nimport { default as ky } from '@scope/ky';\nuse(chalk, ky);`,
    expected: `'use strict';\n\nconst chalkModule = require('chalk');\nconst chalk = chalkModule.default ?? chalkModule;\nconst kyModule = require('@scope/ky');\nconst ky = kyModule.default ?? kyModule;\nuse(chalk, ky);`,
  },
  {
    name: 'the interop variable never shadows an existing name',
    input: `import chalk from 'chalk';\nconst chalkModule = 1;\nuse(chalk, chalkModule);`,
    expected: `'use strict';\n\nconst chalkModule2 = require('chalk');\nconst chalk = chalkModule2.default ?? chalkModule2;\nconst chalkModule = 1;\nuse(chalk, chalkModule);`,
  },
  {
    name: 'namespace, side-effect and combined imports',
    input: [
      `import * as path from 'node:path';`,
      `import './polyfill.js';`,
      `import pino, { stdSerializers } from 'pino';`,
      `import chalk, { red } from 'chalk';`,
      `import hono, * as honoAll from 'hono';`,
      'use(path, pino, stdSerializers, chalk, red, hono, honoAll);',
    ].join('\n'),
    expected: [
      `'use strict';`,
      '',
      `const path = require('node:path');`,
      `require('./polyfill.js');`,
      `const pino = require('pino');`,
      'const { stdSerializers } = pino;',
      `const chalkModule = require('chalk');`,
      'const chalk = chalkModule.default ?? chalkModule;',
      'const { red } = chalkModule;',
      `const honoAll = require('hono');`,
      'const hono = honoAll.default ?? honoAll;',
      'use(path, pino, stdSerializers, chalk, red, hono, honoAll);',
    ].join('\n'),
  },
  {
    name: 'exported declarations become plain declarations collected into module.exports',
    input: [
      '/** Adds. */',
      'export function add(a, b) { return a + b; }',
      'export async function later() {}',
      'export class Thing {}',
      'export const one = 1, two = 2;',
      'export const { x, y: [z] } = source;',
    ].join('\n'),
    expected: [
      `'use strict';`,
      '',
      '/** Adds. */',
      'function add(a, b) { return a + b; }',
      'async function later() {}',
      'class Thing {}',
      'const one = 1, two = 2;',
      'const { x, y: [z] } = source;',
      '',
      'module.exports = { add, later, Thing, one, two, x, z };',
    ].join('\n'),
  },
  {
    name: 'export lists, with renames',
    input: `const a = 1;\nfunction b() {}\nexport { a, b as c };\nexport { a as 'a-b' };`,
    expected: `'use strict';\n\nconst a = 1;\nfunction b() {}\n\nmodule.exports = { a, c: b, 'a-b': a };`,
  },
  {
    name: 're-exports: every module is required in place, at the top level, and star ones spread into module.exports',
    input: [
      `export * from './app-error.js';`,
      `export * as resilience from './resilience/index.js';`,
      `export { handleError, toProblem as problem } from './handler.js';`,
      `export { default as chalk } from 'chalk';`,
      `export * from './circuit-breaker.js';`,
      `export * from './resilience/index.js';`,
    ].join('\n'),
    expected: [
      `'use strict';`,
      '',
      `const appError = require('./app-error.js');`,
      `const resilience = require('./resilience/index.js');`,
      `const { handleError, toProblem: problem } = require('./handler.js');`,
      `const chalk = require('chalk');`,
      `const circuitBreaker = require('./circuit-breaker.js');`,
      `const resilienceModule = require('./resilience/index.js');`,
      '',
      'module.exports = {',
      '  ...appError,',
      '  ...circuitBreaker,',
      '  ...resilienceModule,',
      '  resilience,',
      '  handleError,',
      '  problem,',
      '  chalk: chalk.default ?? chalk,',
      '};',
    ].join('\n'),
  },
  {
    name: 'a re-export whose name is taken locally is read off the required module instead',
    input: `import { retry } from './retry.js';\nexport { retry } from './other.js';\nuse(retry);`,
    expected: `'use strict';\n\nconst { retry } = require('./retry.js');\nconst other = require('./other.js');\nuse(retry);\n\nmodule.exports = { retry: other.retry };`,
  },
  {
    name: 'a module whose file name is a taken or reserved word is required under a name of its own',
    input: `const hooks = 1;\nexport * from './hooks.js';\nexport * from './class.js';\nexport * from '../2fa.js';\nuse(hooks);`,
    expected: `'use strict';\n\nconst hooks = 1;\nconst hooksModule = require('./hooks.js');\nconst classModule = require('./class.js');\nconst fa = require('../2fa.js');\nuse(hooks);\n\nmodule.exports = { ...hooksModule, ...classModule, ...fa };`,
  },
  {
    name: 'an exported let that is reassigned is exported through a getter',
    input: `export let state = 'closed';\nexport let fixed = 1;\nexport function open() { state = 'open'; }`,
    expected: [
      `'use strict';`,
      '',
      `let state = 'closed';`,
      'let fixed = 1;',
      `function open() { state = 'open'; }`,
      '',
      'module.exports = {',
      '  get state() {',
      '    return state;',
      '  },',
      '  fixed,',
      '  open,',
      '};',
    ].join('\n'),
  },
  {
    name: 'comments, JSDoc and @import comments stay; use strict goes below the header',
    input: [
      '// Generated by faultline from faultline.catalog.json.',
      '',
      `/** @import { Severity } from './app-error.js' */`,
      `import { AppError } from './app-error.js';`,
      '',
      '/**',
      ' * @param {unknown} value',
      ' * @returns {value is AppError}',
      ' */',
      'export function isAppError(value) {',
      '  return value instanceof AppError; // the kit only',
      '}',
      '',
    ].join('\n'),
    expected: [
      '// Generated by faultline from faultline.catalog.json.',
      '',
      `'use strict';`,
      '',
      `/** @import { Severity } from './app-error.js' */`,
      `const { AppError } = require('./app-error.js');`,
      '',
      '/**',
      ' * @param {unknown} value',
      ' * @returns {value is AppError}',
      ' */',
      'function isAppError(value) {',
      '  return value instanceof AppError; // the kit only',
      '}',
      '',
      'module.exports = { isAppError };',
    ].join('\n'),
  },
  {
    name: 'a header directly above the code keeps its first line',
    input: `// Generated: do not edit.\nimport { a } from './a.js';\nexport const b = a;`,
    expected: `// Generated: do not edit.\n\n'use strict';\n\nconst { a } = require('./a.js');\nconst b = a;\n\nmodule.exports = { b };`,
  },
  {
    name: 'a JSDoc block on the first statement stays attached to it',
    input: `/** The answer. */\nexport const answer = 42;`,
    expected: `'use strict';\n\n/** The answer. */\nconst answer = 42;\n\nmodule.exports = { answer };`,
  },
  {
    name: 'a module without exports gets no module.exports; awaits inside functions and dynamic imports are fine',
    input: `import { it } from 'node:test';\nit('works', async () => {\n  const mod = await import('./x.js');\n  for await (const item of mod.items()) use(item);\n});`,
    expected: `'use strict';\n\nconst { it } = require('node:test');\nit('works', async () => {\n  const mod = await import('./x.js');\n  for await (const item of mod.items()) use(item);\n});`,
  },
  {
    name: 'an existing use strict directive is not repeated',
    input: `'use strict';\n\nexport const a = 1;`,
    expected: `'use strict';\n\nconst a = 1;\n\nmodule.exports = { a };`,
  },
];

describe('toCommonJs', () => {
  it.each(cases)('$name', async ({ input, expected }) => {
    const output = toCommonJs(input, 'case.js');
    expect(await formatted(output)).toBe(await formatted(expected));
  });

  it('leaves everything but module syntax byte for byte', () => {
    const input = `// header\n\nimport {a} from './a.js'\n\n\nexport function  f ( ) { return a+1 } // trailing\n`;
    expect(toCommonJs(input, 'case.js')).toBe(
      `// header\n\n'use strict';\n\nconst { a } = require('./a.js');\n\n\nfunction  f ( ) { return a+1 } // trailing\n\nmodule.exports = { f };\n`,
    );
  });

  it('takes the comment written directly above an export list away with the list', () => {
    const input = `// header\n\nconst a = 1;\nconst b = 2;\n\n// Why the names are exported together.\n/* And how. */\nexport { a, b };\n`;
    expect(toCommonJs(input, 'case.js')).toBe(`// header\n\n'use strict';\n\nconst a = 1;\nconst b = 2;\n\nmodule.exports = { a, b };\n`);
  });

  it('keeps comments above an export list that belong to something else', () => {
    const apart = `const a = 1;\n\n// About what follows.\n\nexport { a };\n`;
    expect(toCommonJs(apart, 'case.js')).toBe(`'use strict';\n\nconst a = 1;\n\n// About what follows.\n\nmodule.exports = { a };\n`);
    const trailing = `const a = 1; // one\nexport { a };\n`;
    expect(toCommonJs(trailing, 'case.js')).toBe(`'use strict';\n\nconst a = 1; // one\n\nmodule.exports = { a };\n`);
    const header = `// header\nexport { a };\nconst a = 1;\n`;
    expect(toCommonJs(header, 'case.js')).toContain('// header');
  });

  it('changes nothing the second time', () => {
    for (const { input } of cases) {
      const once = toCommonJs(input, 'case.js');
      expect(toCommonJs(once, 'case.js')).toBe(once);
    }
  });

  it.each([
    ['export default function f() {}', /case\.js:1: `export default` .*export it by name/],
    ['export default 42;', /`export default`/],
    ['const x = 1;\nexport { x as default };', /case\.js:2: `export \{ x as default \}`/],
    [`export { default } from './x.js';`, /`export \{ x as default \} from`/],
    ['const data = await load();', /case\.js:1: top-level `await` .*async function/],
    ['for await (const x of xs) {}', /top-level `await`/],
    ['const here = import.meta.url;', /`import\.meta` has no CommonJS equivalent/],
    ['const module = {};', /named `module`/],
    [`import { require } from './x.js';`, /named `require`/],
  ])('rejects %j with a message naming the file, line and remedy', (input, message) => {
    expect(() => toCommonJs(input, 'case.js')).toThrow(ConversionError);
    expect(() => toCommonJs(input, 'case.js')).toThrow(message);
  });
});

describe('defaultImportForm', () => {
  it.each([
    ['node:fs', 'module-exports'],
    ['fs', 'module-exports'],
    ['./local.js', 'module-exports'],
    ['../up/local.js', 'module-exports'],
    ['express', 'module-exports'],
    ['pino/file', 'module-exports'],
    ['chalk', 'interop'],
    ['@hono/node-server', 'interop'],
  ])('%s reads as %s', (specifier, form) => {
    expect(defaultImportForm(specifier)).toBe(form);
  });
});
