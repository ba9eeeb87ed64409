import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAndCheck, json, type ToolsCase } from './fit-project-tools.js';

/**
 * Projects linted by ESLint setups that the kit's own style does not match, installed from the
 * registry: after `init --yes` the project's own `eslint .` passes on the kit, and its tests run.
 */
const cases: ToolsCase[] = [
  {
    // ESLint 8.21 to 8.56 lint a flat config from the command line, but their ESLint class reads only .eslintrc.
    name: 'an ES module package on ESLint 8.56 with a flat config that wants trailing commas its own files never show',
    files: {
      'package.json': json({
        name: 'tally', version: '1.0.0', type: 'module', exports: './src/index.js',
        scripts: { lint: 'eslint .', test: 'node --test' },
        devDependencies: { eslint: '8.56.0' },
      }),
      'eslint.config.js': "export default [\n  {\n    ignores: ['node_modules/'],\n  },\n  {\n    rules: {\n      'comma-dangle': ['error', 'always-multiline'],\n      quotes: ['error', 'single'],\n      semi: ['error', 'never'],\n    },\n  },\n]\n",
      'src/index.js': "import { add } from './add.js'\n\nexport function total(values) {\n  return values.reduce(add, 0)\n}\n",
      'src/add.js': "export function add(a, b) {\n  return a + b\n}\n",
      'src/index.test.js': "import assert from 'node:assert/strict'\nimport { it } from 'node:test'\nimport { total } from './index.js'\n\nit('adds every value', () => {\n  assert.equal(total([1, 2, 3]), 6)\n})\n",
    },
    kitTest: 'src/errors/kit.test.js',
    commands: [['npx', 'eslint', '.']],
    ownTest: 'adds every value',
  },
  {
    // airbnb's layout rules (max-len on comments too) are prettier's to settle in such a project.
    name: 'a CommonJS Express service linted by airbnb-base with prettier, whose requires never name the extension, tested with jest',
    files: {
      'package.json': json({
        name: 'orders-service', version: '1.0.0', private: true, main: 'src/index.js',
        scripts: { lint: 'eslint .', test: 'jest' },
        dependencies: { express: '^4.21.0' },
        devDependencies: {
          eslint: '^8.57.0', 'eslint-config-airbnb-base': '^15.0.0', 'eslint-config-prettier': '^9.1.0', 'eslint-plugin-import': '^2.31.0',
          'eslint-plugin-prettier': '^5.2.0', jest: '^29.7.0', prettier: '^3.3.0',
        },
        jest: { testEnvironment: 'node' },
      }),
      '.eslintrc.json': json({ root: true, extends: ['airbnb-base', 'plugin:prettier/recommended'], env: { node: true, jest: true }, rules: { 'no-console': 'error' } }),
      '.prettierrc.json': json({ singleQuote: true, printWidth: 125 }),
      '.eslintignore': 'node_modules\ncoverage\n',
      'src/index.js': "const express = require('express');\nconst { orders } = require('./orders');\n\nconst app = express();\napp.get('/orders', (req, res) => res.json(orders()));\n\nmodule.exports = app;\n",
      'src/orders.js': "const store = require('./store');\n\nfunction orders() {\n  return store.all();\n}\n\nmodule.exports = { orders };\n",
      'src/store.js': "const items = [];\n\nfunction all() {\n  return [...items];\n}\n\nmodule.exports = { all };\n",
      'tests/orders.test.js': "const { orders } = require('../src/orders');\n\ntest('lists no orders at first', () => {\n  expect(orders()).toEqual([]);\n});\n",
    },
    kitTest: 'tests/errors/kit.test.js',
    commands: [['npx', 'eslint', '.']],
    ownTest: 'tests/orders.test.js',
    verify: (dir) => {
      const index = readFileSync(path.join(dir, 'src/errors/index.js'), 'utf8');
      // Every require is a top-level statement, named as the project names its own (no extension).
      expect(index).toMatch(/^const appError = require\('\.\/app-error'\);$/m);
      expect(index).not.toMatch(/\.\.\.require\(/);
      const normalize = readFileSync(path.join(dir, 'src/errors/normalize.js'), 'utf8');
      expect(normalize.indexOf('function isObject(')).toBeLessThan(normalize.indexOf('function normalize('));
    },
  },
];

describe.each(cases)('init --yes in $name', (testCase) => {
  it("leaves the project's own eslint passing on the kit, and its tests running", () => generateAndCheck(testCase), 600_000);
});
