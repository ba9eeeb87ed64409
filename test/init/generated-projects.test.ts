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
  /** A test of the project's own that serves a failing route through the generated adapter. */
  adapterSmoke?: { file: string; content: string; command: string[] };
}

// What every adapter smoke test asserts on the HTTP response of a route that throws an internal error.
const SECRET = 'SELECT * FROM users WHERE password=hunter2';


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
    adapterSmoke: {
      file: 'src/app.smoke.test.ts',
      command: ['npx', 'vitest', 'run', 'src/app.smoke.test.ts'],
      content: `import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { it } from 'vitest';
import { errorHandler, notFoundHandler, requestContext } from './errors/http/express.js';

it('serves problem details through the generated Express adapter', async () => {
  const app = express();
  app.use(requestContext);
  app.get('/boom', () => { throw new Error('${SECRET}'); });
  app.use(notFoundHandler);
  app.use(errorHandler);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const base = 'http://127.0.0.1:' + (server.address() as AddressInfo).port;
    const boom = await fetch(base + '/boom', { headers: { 'x-request-id': 'req-1' } });
    assert.equal(boom.status, 500);
    assert.match(boom.headers.get('content-type') ?? '', /application\\/problem\\+json/);
    const text = await boom.text();
    assert.ok(!text.includes('hunter2') && !text.includes('SELECT'), text);
    assert.equal(JSON.parse(text).requestId, 'req-1');
    const missing = await fetch(base + '/nowhere');
    assert.equal(missing.status, 404);
  } finally {
    server.close();
  }
});
`,
    },
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
    adapterSmoke: {
      file: 'src/server.smoke.test.ts',
      command: ['node', '--import', 'tsx', '--test', 'src/server.smoke.test.ts'],
      content: `import assert from 'node:assert/strict';
import { it } from 'node:test';
import Fastify from 'fastify';
import { registerErrorHandling } from './errors/http/fastify';

it('serves problem details through the generated Fastify adapter', async () => {
  const app = Fastify();
  registerErrorHandling(app);
  app.get('/boom', async () => { throw new Error('${SECRET}'); });
  const boom = await app.inject({ method: 'GET', url: '/boom' });
  assert.equal(boom.statusCode, 500);
  assert.ok(!boom.body.includes('hunter2') && !boom.body.includes('SELECT'), boom.body);
  assert.equal(JSON.parse(boom.body).status, 500);
  const missing = await app.inject({ method: 'GET', url: '/nowhere' });
  assert.equal(missing.statusCode, 404);
  await app.close();
});
`,
    },
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
    adapterSmoke: {
      file: 'src/app.smoke.test.js',
      command: ['npx', 'vitest', 'run', 'src/app.smoke.test.js'],
      content: `import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { it } from 'vitest';
import { errorHandler, notFoundHandler, requestContext } from './errors/http/hono.js';

it('serves problem details through the generated Hono adapter', async () => {
  const app = new Hono();
  app.use('*', requestContext);
  app.get('/boom', () => { throw new Error('${SECRET}'); });
  app.notFound(notFoundHandler);
  app.onError(errorHandler);
  const boom = await app.request('/boom');
  assert.equal(boom.status, 500);
  const text = await boom.text();
  assert.ok(!text.includes('hunter2') && !text.includes('SELECT'), text);
  const missing = await app.request('/nowhere');
  assert.equal(missing.status, 404);
});
`,
    },
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
    if (testCase.adapterSmoke) {
      writeTree(dir, { [testCase.adapterSmoke.file]: testCase.adapterSmoke.content });
      if (testCase.typescript) run('npx', ['tsc', '--noEmit', '-p', '.'], dir);
      const [command, ...args] = testCase.adapterSmoke.command;
      run(command!, args, dir);
    }

    // The CommonJS kit must really be CommonJS: no import statements in what was generated.
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { type?: string };
    if (!testCase.typescript && pkg.type !== 'module') {
      const index = readFileSync(path.join(dir, testCase.expectFiles.find((f) => f.endsWith('index.js'))!), 'utf8');
      expect(index).toMatch(/require\(/);
      expect(index).not.toMatch(/^\s*(import|export)\s/m);
    }
  });
});
