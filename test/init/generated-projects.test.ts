import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultline, run, tempDir, writeTree } from '../support/cli.js';

/**
 * Each case is a real project: faultline generates into it, its dependencies are installed from
 * the registry, and then the project's own compiler and test runner must accept what was generated.
 */
interface ProjectCase {
  name: string;
  files: Record<string, string>;
  initArgs: string[];
  typescript: boolean;
  expectFiles: string[];
  forbidFiles?: string[];
}

const strictTsconfig = (compilerOptions: Record<string, unknown>) =>
  JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: true, noEmit: true, esModuleInterop: true, types: ['node'], ...compilerOptions }, include: ['src'] }, null, 2);

const cases: ProjectCase[] = [
  {
    name: 'an empty directory',
    files: {},
    initArgs: [],
    typescript: false,
    expectFiles: ['package.json', 'src/errors/index.js', 'src/errors/kit.test.js', 'docs/runbooks/NOT_FOUND.md', 'docs/errors.md'],
    forbidFiles: ['src/errors/index.ts', 'tsconfig.json'],
  },
  {
    name: 'TypeScript ESM (NodeNext, strict) with Express and pino',
    files: {
      'package.json': JSON.stringify({
        name: 'ts-esm-express', version: '1.0.0', type: 'module',
        dependencies: { express: '^5.1.0' },
        devDependencies: { typescript: '^5.9.3', '@types/express': '^5.0.0', '@types/node': '^20.19.0', vitest: '^4.0.0' },
      }, null, 2),
      'tsconfig.json': strictTsconfig({ target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext' }),
      'src/app.ts': "import express from 'express';\nexport const app = express();\n",
    },
    initArgs: ['--logger', 'pino'],
    typescript: true,
    expectFiles: ['src/errors/http/express.ts', 'src/errors/logger.ts', 'src/errors/kit.test.ts'],
  },
  {
    name: 'TypeScript CommonJS with Fastify',
    files: {
      'package.json': JSON.stringify({
        name: 'ts-cjs-fastify', version: '1.0.0',
        dependencies: { fastify: '^5.0.0' },
        devDependencies: { typescript: '^5.9.3', '@types/node': '^20.19.0' },
      }, null, 2),
      'tsconfig.json': strictTsconfig({ target: 'ES2022', module: 'commonjs', moduleResolution: 'node10' }),
      'src/server.ts': "import Fastify from 'fastify';\nexport const server = Fastify();\n",
    },
    initArgs: [],
    typescript: true,
    expectFiles: ['src/errors/http/fastify.ts'],
  },
  {
    name: 'JavaScript ESM with Hono, pino and vitest',
    files: {
      'package.json': JSON.stringify({
        name: 'js-esm-hono', version: '1.0.0', type: 'module',
        dependencies: { hono: '^4.6.0', pino: '^10.0.0' },
        devDependencies: { vitest: '^4.0.0' },
      }, null, 2),
      'src/app.js': "import { Hono } from 'hono';\nexport const app = new Hono();\n",
    },
    initArgs: [],
    typescript: false,
    expectFiles: ['src/errors/http/hono.js', 'src/errors/index.js'],
    forbidFiles: ['src/errors/index.ts'],
  },
  {
    name: 'JavaScript CommonJS with no framework and jest',
    files: {
      'package.json': JSON.stringify({ name: 'js-cjs-plain', version: '1.0.0', devDependencies: { jest: '^30.0.0' } }, null, 2),
      'index.js': "module.exports = {};\n",
    },
    initArgs: [],
    typescript: false,
    expectFiles: ['errors/index.js', 'errors/kit.test.js'],
    forbidFiles: ['errors/http'],
  },
  {
    name: 'JavaScript CommonJS with Express and vitest (the test file stays an ES module)',
    files: {
      'package.json': JSON.stringify({
        name: 'js-cjs-express', version: '1.0.0',
        dependencies: { express: '^5.1.0' },
        devDependencies: { vitest: '^4.0.0' },
      }, null, 2),
      'index.js': "const express = require('express');\nmodule.exports = express();\n",
    },
    initArgs: [],
    typescript: false,
    expectFiles: ['errors/index.js', 'errors/kit.test.mjs', 'errors/http/express.js'],
    forbidFiles: ['errors/kit.test.js'],
  },
];

describe.each(cases)('init --yes in $name', (testCase) => {
  it('generates a kit that installs, compiles and passes its own tests', () => {
    const dir = tempDir('init');
    writeTree(dir, testCase.files);
    const result = faultline(['init', '--yes', ...testCase.initArgs], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const file of testCase.expectFiles) expect(existsSync(path.join(dir, file)), file).toBe(true);
    for (const file of testCase.forbidFiles ?? []) expect(existsSync(path.join(dir, file)), file).toBe(false);

    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    if (testCase.typescript) run('npx', ['tsc', '--noEmit', '-p', '.'], dir);
    // Throws, with the runner's output, when the generated tests fail.
    run('npm', ['run', '--silent', 'test:errors'], dir);

    // The CommonJS kit must really be CommonJS: no import statements in what was generated.
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { type?: string };
    if (!testCase.typescript && pkg.type !== 'module') {
      const index = readFileSync(path.join(dir, testCase.expectFiles.find((f) => f.endsWith('index.js'))!), 'utf8');
      expect(index).toMatch(/require\(/);
      expect(index).not.toMatch(/^\s*(import|export)\s/m);
    }
  });
});
