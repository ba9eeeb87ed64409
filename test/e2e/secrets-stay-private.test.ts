/**
 * What a client sees must never widen through `migrate`. An Express service whose handlers throw
 * errors with secrets in their messages answers the same requests before and after `init` and
 * `migrate` (the default set, and then the catalog's proposed mappings enabled and every transform
 * that changes classes), served on loopback; no body gains a word of those messages.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { faultline, run, tempDir, writeTree } from '../support/cli.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** Secrets the handlers' messages carry; none may reach a response body that did not already show it. */
const SECRETS = ['JWT_SECRET', '/etc/myapp/secrets.env', 'permission denied', 'payments', 'app_rw', 'db-primary.internal', 'db-users-3.internal', 's3cr3t-token'];

const ROUTES = ['/config', '/payments', '/users/42', '/orders/7', '/token', '/health', '/nowhere'];

const APP = `import express from 'express';
import { errorHandler, notFoundHandler, requestContext } from './errors/http/express.js';

const users = new Map();

export const app = express();
app.use(requestContext);

app.get('/config', () => {
  if (!process.env.JWT_SECRET_PRESENT) throw new Error('JWT_SECRET is missing from /etc/myapp/secrets.env');
});

app.get('/payments', () => {
  throw new Error('permission denied for table payments (role app_rw on db-primary.internal)');
});

app.get('/users/:id', (req) => {
  const user = users.get(req.params.id);
  if (!user) throw new Error(\`User \${req.params.id} was not found in shard db-users-3.internal\`);
  return user;
});

app.get('/orders/:id', () => {
  throw 'Order already exists in db-primary.internal';
});

app.get('/token', () => {
  try {
    JSON.parse('{');
  } catch (e) {
    throw new Error('request timed out while refreshing s3cr3t-token');
  }
});

app.get('/health', (req, res) => {
  res.json({ ok: true });
});

app.use(notFoundHandler);
app.use(errorHandler);
`;

/** Starts the app on loopback, requests every route, and prints what came back on one marked line. */
const PROBE = `import { app } from './src/app.js';

const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = 'http://127.0.0.1:' + server.address().port;
const answers = {};
for (const route of ${JSON.stringify(ROUTES)}) {
  const response = await fetch(base + route, { headers: { 'x-request-id': 'req-1' } });
  answers[route] = { status: response.status, body: await response.text() };
}
server.close();
process.stdout.write('\\nANSWERS ' + JSON.stringify(answers) + '\\n');
`;

type Answers = Record<string, { status: number; body: string }>;

function answersOf(root: string): Answers {
  const output = run(process.execPath, ['probe.mjs'], root);
  const line = output.split('\n').find((text) => text.startsWith('ANSWERS '));
  if (line === undefined) throw new Error(`the probe printed no answers:\n${output}`);
  return JSON.parse(line.slice('ANSWERS '.length)) as Answers;
}

function git(cwd: string, ...args: string[]): void {
  run('git', ['-c', 'user.name=Service Team', '-c', 'user.email=team@example.com', '-c', 'commit.gpgsign=false', ...args], cwd);
}

function cli(args: string[], cwd: string): string {
  const result = faultline(args, { cwd });
  expect(result.code, `faultline ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout + result.stderr;
}

/** Each secret a body shows after migrate must have been in that route's body before. */
function expectNoWiderThan(before: Answers, after: Answers): void {
  for (const route of ROUTES) {
    const was = before[route]?.body ?? '';
    const now = after[route]?.body ?? '';
    for (const secret of SECRETS) {
      if (!was.includes(secret)) expect(now, `${route} now shows ${secret}`).not.toContain(secret);
    }
  }
}

describe('an Express service whose errors carry secrets', () => {
  it('shows clients nothing new after init and migrate, even with every proposed mapping enabled', () => {
    const root = tempDir('secrets');
    created.push(root);
    writeTree(root, {
      'package.json': JSON.stringify({ name: 'payments-api', version: '1.0.0', type: 'module', dependencies: { express: '^5.1.0' } }, null, 2),
      '.gitignore': 'node_modules\n',
      'src/app.js': "import express from 'express';\nexport const app = express();\n",
    });
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], root);
    git(root, 'init', '-q');
    cli(['init', '--yes'], root);
    writeTree(root, { 'src/app.js': APP, 'probe.mjs': PROBE });
    git(root, 'add', '--all');
    git(root, 'commit', '-q', '-m', 'service wired to the kit');

    const before = answersOf(root);
    expect(before['/health']).toEqual({ status: 200, body: '{"ok":true}' });
    expect(before['/payments']?.status).toBe(500);

    // The default set keeps behaviour: the same answers, byte for byte.
    cli(['migrate', 'src'], root);
    expect(answersOf(root)).toEqual(before);
    git(root, 'commit', '-q', '--allow-empty', '-am', 'default migration');

    // The owner enables every mapping init proposed and asks for the transforms that change classes.
    const catalogPath = path.join(root, 'faultline.catalog.json');
    const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as { mappings: Array<Record<string, unknown>> };
    expect(catalog.mappings.length).toBeGreaterThan(0);
    for (const mapping of catalog.mappings) delete mapping.disabled;
    writeFileSync(catalogPath, JSON.stringify(catalog, null, 2) + '\n');
    git(root, 'commit', '-q', '-am', 'mappings enabled');
    const summary = cli(['migrate', 'src', '--transform', 'domain-errors,throw-literal,error-cause'], root);
    expect(summary).toContain('domain-errors (changes behaviour)');

    const migrated = readFileSync(path.join(root, 'src/app.js'), 'utf8');
    // The mappings did apply, so the statuses changed …
    expect(migrated).toContain('NotFoundError');
    const after = answersOf(root);
    expect(after['/users/42']?.status).toBe(404);
    // … and yet no body shows a word of the messages.
    expectNoWiderThan(before, after);
    expect(after['/health']).toEqual(before['/health']);
  });
});
