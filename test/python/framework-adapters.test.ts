import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { faultline, repoRoot, run, tempDir, writeTree } from '../support/cli.js';
import { frameworkPython } from './support/framework-python.js';

/**
 * The generated FastAPI and Flask adapters served by the real frameworks (installed from PyPI into
 * the tests' own virtual environment) and asked through each framework's own test client: a domain
 * error, an internal error and a validation error each come back as RFC 9457 problem details.
 */
const scripts = path.join(repoRoot, 'test/python/scripts');

interface Served {
  responses: Record<string, { status: number; headers: Record<string, string>; body: Record<string, unknown> }>;
  logs: Array<Record<string, unknown>>;
  context_after: unknown;
}

function kitProject(prefix: string, files: Record<string, string>): string {
  const root = tempDir(prefix);
  writeTree(root, files);
  const result = faultline(['init', '--yes'], { cwd: root });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return root;
}

function serve(python: string, script: string, kitPackage: string, root: string, importRoot: string): Served {
  return JSON.parse(run('env', [`PYTHONPATH=${importRoot}`, python, path.join(scripts, script), kitPackage], root)) as Served;
}

const PROBLEM_KEYS = ['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId'];

describe('the Python kit under the real frameworks', () => {
  let python = '';
  beforeAll(() => {
    python = frameworkPython();
  });

  it('FastAPI: domain, internal and validation errors are problem details through its TestClient', () => {
    const root = kitProject('py-real-fastapi', {
      'pyproject.toml': '[project]\nname = "order-service"\ndependencies = ["fastapi>=0.110"]\n',
      'src/order_service/__init__.py': '',
    });
    const { responses, logs, context_after } = serve(python, 'fastapi_requests.py', 'order_service.errors', root, 'src');

    const internal = responses['/boom']!;
    expect(internal).toMatchObject({ status: 500, headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req-boom' } });
    expect(Object.keys(internal.body)).toEqual(PROBLEM_KEYS);
    expect(internal.body).toMatchObject({ status: 500, code: 'INTERNAL', instance: '/boom', requestId: 'req-boom' });
    expect(JSON.stringify(internal.body)).not.toMatch(/hunter2|SELECT|RuntimeError|Traceback/);

    expect(responses['/users/42']).toMatchObject({ status: 404, headers: { 'content-type': 'application/problem+json' } });
    expect(responses['/users/42']!.body).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'User 42 not found', instance: '/users/42' });

    // FastAPI's own validation of the body model, not an error the test raised by hand.
    const invalid = responses['/signup']!;
    expect(invalid).toMatchObject({ status: 400, headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req-signup' } });
    expect(invalid.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', requestId: 'req-signup' });
    const fields = (invalid.body.errors as Array<{ field: string; message: string }>).map((error) => error.field).sort();
    expect(fields).toEqual(['age', 'email']);
    // The rejected value and pydantic's own keys stay in the logs.
    expect(JSON.stringify(invalid.body)).not.toMatch(/"old"|pydantic|"input"|"url"|"loc"/);

    expect(responses['/nowhere']).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', instance: '/nowhere' } });
    // A request id that is not a plain token is replaced rather than echoed into headers and logs.
    expect(responses['/nowhere']!.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(responses['/ok']).toMatchObject({ status: 200, headers: { 'x-request-id': 'req-ok' }, body: { ok: true } });
    expect(logs.find((line) => line.msg === 'inside the route')).toMatchObject({ requestId: 'req-ok', level: 'info' });
    expect(logs.find((line) => line.msg === 'inside the sync route')).toMatchObject({ requestId: 'req-sync' });
    // The internal error is logged once, with what the client did not see.
    const logged = logs.filter((line) => line.requestId === 'req-boom' && line.level === 'error');
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0])).toMatch(/RuntimeError/);
    expect(context_after).toBeNull();
  });

  it('Flask: domain, internal and validation errors are problem details through its test client', () => {
    const root = kitProject('py-real-flask', {
      'requirements.txt': 'Flask>=3.0\n',
      'shop/__init__.py': '',
    });
    const { responses, logs, context_after } = serve(python, 'flask_requests.py', 'shop.errors', root, '.');

    const internal = responses['/boom']!;
    expect(internal).toMatchObject({ status: 500, headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req-boom' } });
    expect(Object.keys(internal.body)).toEqual(PROBLEM_KEYS);
    expect(internal.body).toMatchObject({ code: 'INTERNAL', instance: '/boom', requestId: 'req-boom' });
    expect(JSON.stringify(internal.body)).not.toMatch(/hunter2|SELECT|RuntimeError|Traceback/);

    expect(responses['/users/42']).toMatchObject({ status: 404, headers: { 'content-type': 'application/problem+json' } });
    expect(responses['/users/42']!.body).toMatchObject({ code: 'NOT_FOUND', detail: 'User 42 not found' });

    expect(responses['/signup']).toMatchObject({ status: 400, headers: { 'x-request-id': 'req-signup' } });
    expect(responses['/signup']!.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'email', message: 'is required' }] });
    // werkzeug's own BadRequest for a body that is not JSON: a 400 in the catalog's words.
    const malformed = responses['/signup-malformed']!;
    expect(malformed).toMatchObject({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: { status: 400, code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(malformed.body)).not.toMatch(/Failed to decode|werkzeug/i);

    expect(responses['/nowhere']).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', instance: '/nowhere', requestId: 'req-nowhere' } });
    expect(responses['/ok']).toMatchObject({ status: 200, headers: { 'x-request-id': 'req-ok' }, body: { ok: true } });
    expect(logs.find((line) => line.msg === 'inside the view')).toMatchObject({ requestId: 'req-ok' });
    expect(logs.filter((line) => line.requestId === 'req-boom' && line.level === 'error')).toHaveLength(1);
    // The request context ends with the request.
    expect(context_after).toBeNull();
  });

  for (const which of ['loguru', 'structlog'] as const) {
    it(`writes through the project's ${which}: the error, its fields and the request context, secrets redacted`, () => {
      const setup = which === 'loguru' ? 'from loguru import logger\n' : 'import structlog\n\nstructlog.configure()\n';
      const root = kitProject(`py-real-${which}`, {
        'requirements.txt': `flask\n${which}\n`,
        'shop/__init__.py': '',
        'shop/logs.py': setup,
      });
      const catalog = JSON.parse(readFileSync(path.join(root, 'faultline.catalog.json'), 'utf8'));
      expect(catalog.target).toMatchObject({ logger: 'project', projectLogger: { path: 'shop/logs.py', export: which } });
      const output = run('env', ['PYTHONPATH=.', python, path.join(scripts, 'project_logger.py'), which, 'shop.errors'], root);
      const received = JSON.parse(output) as Array<{ level: string; message: string; exception: string | null; fields: Record<string, unknown> }>;
      expect(received).toHaveLength(1);
      const [entry] = received;
      expect(entry!.level.toLowerCase()).toBe('error');
      expect(entry!.exception).toBe('ConnectionRefusedError');
      expect(entry!.fields).toMatchObject({ requestId: 'req-7', userId: 'u-1', operation: 'sync_orders', attempt: 2, apiKey: '[REDACTED]', code: 'DEPENDENCY_UNAVAILABLE' });
      expect(JSON.stringify(entry)).not.toMatch(/hunter2|sk-live/);
    });
  }

  it("leaves a ruff project's own selection of rules green: the kit is in its extend-exclude, an array it had keeps its entries", () => {
    const root = kitProject('py-lint-ruff', {
      'pyproject.toml': '[project]\nname = "tool"\nversion = "1"\n[project.scripts]\ntool = "tool.main:run"\n\n[tool.ruff]\nextend-exclude = ["docs"]\n\n[tool.ruff.lint]\nselect = ["E", "W", "F", "I", "B", "UP", "PGH", "RUF", "S", "N", "D"]\n',
      'tool/__init__.py': '"""The tool."""\n',
      'tool/main.py': '"""The tool."""\n\n\ndef run() -> None:\n    """Run it."""\n',
    });
    expect(readFileSync(path.join(root, 'pyproject.toml'), 'utf8')).toContain('extend-exclude = ["tool/errors", "docs"]');
    run(path.join(path.dirname(python), 'ruff'), ['check', '--no-cache', '--quiet', 'tool'], root);
    run(path.join(path.dirname(python), 'ruff'), ['format', '--no-cache', '--check', '--quiet', 'tool'], root);
  });

  it("passes the project's flake8 and ruff at their default settings, for a service's kit and a library's", () => {
    const service = kitProject('py-lint-service', { 'requirements.txt': 'flask\n', 'shop/__init__.py': '' });
    const library = kitProject('py-lint-library', { 'pyproject.toml': '[project]\nname = "parselib"\nversion = "1.0"\n', 'src/parselib/__init__.py': '' });
    const bin = path.dirname(python);
    for (const [root, kit] of [[service, 'shop/errors'], [library, 'src/parselib/errors']] as const) {
      // flake8 at 79 columns; ruff with pycodestyle, pyflakes, isort and bugbear selected.
      expect(run(path.join(bin, 'flake8'), ['--count', kit], root).trim()).toBe('0');
      run(path.join(bin, 'ruff'), ['check', '--no-cache', '--quiet', '--select', 'E,W,F,I,B,UP', kit], root);
    }
  });

  it('passes mypy --strict and pyright, for a FastAPI service, a Flask service and a library, checked as this Python and as Python 3.10', () => {
    const fastapi = kitProject('py-mypy-fastapi', { 'pyproject.toml': '[project]\nname = "orders"\nversion = "1"\ndependencies = ["fastapi"]\n', 'orders/__init__.py': '' });
    const flask = kitProject('py-mypy-flask', { 'requirements.txt': 'flask\n', 'shop/__init__.py': '' });
    const library = kitProject('py-mypy-library', { 'pyproject.toml': '[project]\nname = "parselib"\nversion = "1.0"\n', 'src/parselib/__init__.py': '' });
    for (const [root, kit] of [[fastapi, 'orders/errors'], [flask, 'shop/errors'], [library, 'src/parselib/errors']] as const) {
      // --strict reports an ignore comment nothing needs; `__notes__`, for one, is declared from Python 3.11 on.
      for (const version of [[], ['--python-version', '3.10']]) {
        const checked = run(python, ['-m', 'mypy', '--strict', '--no-incremental', ...version, kit], root);
        expect(checked).toMatch(/^Success: no issues found/m);
      }
      // pyright at its default (basic) level, which narrows `callable()` otherwise than mypy does.
      const pyright = run(process.execPath, [path.join(repoRoot, 'node_modules/pyright/index.js'), '--pythonpath', python, kit], root);
      expect(pyright).toMatch(/^0 errors/m);
    }
  });
});
