import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAndCheck, json, type ToolsCase } from './fit-project-tools.js';

const cases: ToolsCase[] = [
  {
    name: 'a JavaScript CommonJS package linted with standard and tested with mocha',
    files: {
      'package.json': json({
        name: 'greeter', version: '1.0.0', main: 'lib/index.js',
        scripts: { test: 'standard && mocha' },
        devDependencies: { mocha: '^11.0.0', standard: '^17.1.0' },
      }),
      'lib/index.js': "'use strict'\n\nconst { parse } = require('./parse')\n\nfunction greet (name) {\n  if (!name) throw new TypeError('name is required')\n  return `hello ${parse(name)}`\n}\n\nmodule.exports = { greet }\n",
      'lib/parse.js': "'use strict'\n\nfunction parse (value) {\n  return String(value).trim()\n}\n\nmodule.exports = { parse }\n",
      'test/index.js': "/* eslint-env mocha */\n'use strict'\n\nconst assert = require('node:assert')\nconst { greet } = require('../lib')\n\ndescribe('greet', function () {\n  it('greets by name', function () {\n    assert.strictEqual(greet('ada'), 'hello ada')\n  })\n})\n",
    },
    // mocha's default spec is test/*.{js,cjs,mjs}, without subfolders.
    kitTest: 'test/error-kit.js',
    commands: [['npx', 'standard']],
    ownTest: 'greets by name',
  },
  {
    name: 'a jest project whose roots are only test/, with 100% coverage thresholds',
    files: {
      'package.json': json({
        name: 'doubler', version: '1.0.0', main: 'src/index.js', files: ['src'],
        scripts: { test: 'jest' },
        jest: {
          roots: ['<rootDir>/test'], testEnvironment: 'node', verbose: true, collectCoverage: true, collectCoverageFrom: ['src/**/*.js'],
          coverageThreshold: { global: { lines: 100, branches: 100, functions: 100, statements: 100 } },
        },
        devDependencies: { jest: '^30.0.0' },
      }),
      'src/index.js': 'function double (n) {\n  return n * 2\n}\n\nmodule.exports = { double }\n',
      'test/index.test.js': "const { double } = require('../src')\n\ntest('doubles a number', () => {\n  expect(double(2)).toBe(4)\n})\n",
    },
    kitTest: 'test/errors/kit.test.js',
    commands: [],
    ownTest: 'test/index.test.js',
    verify: (dir) => {
      const kit = readFileSync(path.join(dir, 'src/errors/normalize.js'), 'utf8');
      expect(kit).not.toMatch(/;\n/);
      expect(kit).toContain("require('./app-error.js')");
    },
  },
  {
    name: 'a JavaScript ESM package formatted by prettier (no semicolons, single quotes, no bracket spacing) and tested with node:test',
    files: {
      'package.json': json({
        name: 'shout', version: '1.0.0', type: 'module',
        scripts: { lint: 'prettier --check .', test: 'node --test' },
        devDependencies: { prettier: '^3.6.0' },
      }),
      '.prettierrc.json': json({ semi: false, singleQuote: true, bracketSpacing: false }),
      '.prettierignore': 'package-lock.json\n',
      'src/shout.js': "export function shout(text) {\n  return text.toUpperCase() + '!'\n}\n",
      'src/shout.test.js': "import assert from 'node:assert/strict'\nimport {it} from 'node:test'\nimport {shout} from './shout.js'\n\nit('shouts loudly', () => {\n  assert.equal(shout('hi'), 'HI!')\n})\n",
    },
    kitTest: 'src/errors/kit.test.js',
    commands: [['npx', 'prettier', '--check', '.']],
    ownTest: 'shouts loudly',
    verify: (dir) => {
      expect(readFileSync(path.join(dir, 'src/errors/normalize.js'), 'utf8')).toMatch(/^import \{[^ ].*'\n/m);
    },
  },
];

describe.each(cases)('init --yes in $name', (testCase) => {
  it("fits the project's formatter, linter and test runner", () => generateAndCheck(testCase));
});
