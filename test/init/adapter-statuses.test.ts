import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newCatalog } from '../../cli/catalog/defaults.js';
import type { CatalogTarget } from '../../cli/catalog/model.js';
import { renderCatalogFiles } from '../../cli/generate/render-catalog-files.js';
import { run, tempDir } from '../support/cli.js';

/**
 * Which statuses reach clients through each generated framework adapter, on the real frameworks:
 * the framework's own answer about a bad request keeps its 4xx, while a dependency's status
 * (an HTTP client's 401 for our own bad key) becomes the catalog's dependency error.
 */

const UPSTREAM_MESSAGE = 'Request failed with status code 401: invalid api key sk_live_abc123';
const upstreamError = `Object.assign(new Error(${JSON.stringify(UPSTREAM_MESSAGE)}), { response: { status: 401 } })`;

const scripts = {
  express: `
import express from 'express';
import { errorHandler, notFoundHandler, requestContext } from './src/errors/http/express.js';
const app = express();
app.use(requestContext);
app.use(express.json());
app.post('/echo', (req, res) => { res.json(req.body); });
app.get('/upstream', () => { throw ${upstreamError}; });
app.use(notFoundHandler);
app.use(errorHandler);
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = 'http://127.0.0.1:' + server.address().port;
const answer = async (response) => ({ status: response.status, body: await response.text() });
const result = {
  malformed: await answer(await fetch(base + '/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' })),
  upstream: await answer(await fetch(base + '/upstream')),
};
server.close();
console.log(JSON.stringify(result));
`,
  fastify: `
import Fastify from 'fastify';
import { registerErrorHandling } from './src/errors/http/fastify.js';
const app = Fastify();
registerErrorHandling(app);
app.post('/echo', async (request) => request.body);
app.get('/upstream', async () => { throw ${upstreamError}; });
const answer = (response) => ({ status: response.statusCode, body: response.body });
const result = {
  malformed: answer(await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: '{"a":' })),
  mediaType: answer(await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'text/x-unknown' }, payload: 'hi' })),
  upstream: answer(await app.inject({ method: 'GET', url: '/upstream' })),
};
await app.close();
console.log(JSON.stringify(result));
`,
  hono: `
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { errorHandler, notFoundHandler, requestContext } from './src/errors/http/hono.js';
const app = new Hono();
app.use('*', requestContext);
app.get('/refused', () => { throw new HTTPException(403, { message: 'no access to /internal/reports' }); });
app.get('/upstream', () => { throw ${upstreamError}; });
app.notFound(notFoundHandler);
app.onError(errorHandler);
const answer = async (response) => ({ status: response.status, body: await response.text() });
console.log(JSON.stringify({ refused: await answer(await app.request('/refused')), upstream: await answer(await app.request('/upstream')) }));
`,
};

let shared = '';
beforeAll(() => {
  shared = tempDir('adapter-deps');
  writeFileSync(
    path.join(shared, 'package.json'),
    JSON.stringify({ private: true, dependencies: { express: '^5.1.0', fastify: '^5.0.0', hono: '^4.6.0' } }),
  );
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], shared);
});

async function serve(framework: keyof typeof scripts): Promise<Record<string, { status: number; body: string }>> {
  const root = tempDir(`adapter-${framework}`);
  const target: CatalogTarget = {
    language: 'javascript',
    moduleSystem: 'esm',
    importSuffix: '.js',
    kitDir: 'src/errors',
    runbookDir: 'docs/runbooks',
    framework,
    logger: 'console',
    testRunner: 'node:test',
    docsBaseUrl: null,
  };
  for (const file of await renderCatalogFiles(newCatalog(target), root, 'svc')) {
    mkdirSync(path.dirname(path.join(root, file.path)), { recursive: true });
    writeFileSync(path.join(root, file.path), file.content);
  }
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(path.join(root, 'serve.mjs'), scripts[framework]);
  symlinkSync(path.join(shared, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return JSON.parse(run('env', ['LOG_LEVEL=silent', process.execPath, 'serve.mjs'], root)) as Record<string, { status: number; body: string }>;
}

function expectDependencyFailure(answer: { status: number; body: string } | undefined): void {
  expect(answer?.status).toBe(503);
  expect(JSON.parse(answer!.body)).toMatchObject({ status: 503, code: 'DEPENDENCY_UNAVAILABLE' });
  expect(answer!.body).not.toMatch(/401|sk_live|invalid api key/);
}

describe('statuses through the generated adapters', () => {
  it('Express: a malformed JSON body is the client\'s 400, an upstream 401 is our 503', async () => {
    const answers = await serve('express');
    expect(answers.malformed?.status).toBe(400);
    expect(JSON.parse(answers.malformed!.body)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expectDependencyFailure(answers.upstream);
  });

  it("Fastify: its own body and media-type errors stay client errors, an upstream 401 is our 503", async () => {
    const answers = await serve('fastify');
    expect(answers.malformed?.status).toBe(400);
    expect(answers.mediaType!.status).toBeGreaterThanOrEqual(400);
    expect(answers.mediaType!.status).toBeLessThan(500);
    expectDependencyFailure(answers.upstream);
  });

  it("Hono: an HTTPException's 4xx is the app's answer, an upstream 401 is our 503", async () => {
    const answers = await serve('hono');
    expect(answers.refused?.status).toBe(403);
    expect(answers.refused!.body).not.toContain('/internal/reports');
    expectDependencyFailure(answers.upstream);
  });
});
