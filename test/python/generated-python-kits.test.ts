import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultline, run, tempDir, writeTree } from '../support/cli.js';

/**
 * Python projects of each layout get the kit through the built CLI, and then the machine's
 * python3 must import it and pass the kit's own unittest suite. The adapters are served by the
 * real FastAPI and Flask in framework-adapters.test.ts.
 */

function python(args: string[], cwd: string, pythonPath: string[]): string {
  return run('env', [`PYTHONPATH=${pythonPath.join(path.delimiter)}`, 'python3', ...args], cwd);
}

function init(root: string, args: string[] = []): string {
  const result = faultline(['init', '--yes', ...args], { cwd: root });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('the Python kit', () => {
  it('fits a src-layout FastAPI project: detected, importable without FastAPI, its tests pass', () => {
    const root = tempDir('py-src-fastapi');
    writeTree(root, {
      'pyproject.toml': '[project]\nname = "order-service"\ndependencies = ["fastapi>=0.110", "uvicorn[standard]"]\n\n[tool.ruff]\nline-length = 100\n',
      'src/order_service/__init__.py': '',
    });
    const output = init(root);
    const kit = 'src/order_service/errors';
    for (const file of ['__init__.py', 'app_error.py', 'catalog.py', 'handler.py', 'logging_config.py', 'http/fastapi.py', 'test_kit.py']) {
      expect(existsSync(path.join(root, kit, file)), file).toBe(true);
    }
    expect(existsSync(path.join(root, 'package.json'))).toBe(false);
    expect(existsSync(path.join(root, 'docs/runbooks/NOT_FOUND.md'))).toBe(true);
    expect(output).toContain(`python -m unittest discover -s ${kit} -t src`);
    // ruff would reformat the kit and judge it by the project's rules: init keeps it out, where the team sees it.
    expect(output).toMatch(/src\/order_service\/errors is added to ruff's extend-exclude in pyproject\.toml/);
    expect(readFileSync(path.join(root, 'pyproject.toml'), 'utf8')).toBe(
      '[project]\nname = "order-service"\ndependencies = ["fastapi>=0.110", "uvicorn[standard]"]\n\n[tool.ruff]\nextend-exclude = ["src/order_service/errors"]\nline-length = 100\n',
    );
    const catalog = JSON.parse(readFileSync(path.join(root, 'faultline.catalog.json'), 'utf8'));
    expect(catalog.target).toMatchObject({ language: 'python', kitDir: kit, framework: 'fastapi', testRunner: 'unittest' });

    const tests = python(['-m', 'unittest', 'discover', '-s', kit, '-t', 'src'], root, []);
    expect(tests).toBe('');

    // Without FastAPI installed the adapter still imports; it only needs FastAPI once installed into an app.
    python(['-c', 'import order_service.errors.http.fastapi'], root, ['src']);
  });

  it('fits a flat Flask project with pytest configured: detected, importable without Flask', () => {
    const root = tempDir('py-flat-flask');
    writeTree(root, {
      'requirements.txt': 'Flask>=3.0  # web\ngunicorn\n',
      'requirements-dev.txt': 'pytest==8.3.0\n',
      'shop/__init__.py': '',
      'app.py': 'from shop import errors\n',
    });
    const output = init(root, ['--docs-base-url', 'https://errors.example.com/shop']);
    expect(output).toContain('python -m pytest shop/errors');
    const catalog = JSON.parse(readFileSync(path.join(root, 'faultline.catalog.json'), 'utf8'));
    expect(catalog.target).toMatchObject({ language: 'python', kitDir: 'shop/errors', framework: 'flask', testRunner: 'pytest' });
    expect(existsSync(path.join(root, 'shop/errors/http/flask.py'))).toBe(true);
    expect(existsSync(path.join(root, 'shop/errors/http/fastapi.py'))).toBe(false);

    python(['-m', 'unittest', 'discover', '-s', 'shop/errors', '-t', '.'], root, []);
    python(['-c', 'import shop.errors.http.flask'], root, ['.']);
  });

  it('gives a library its errors, normalize and their tests, and nothing that logs, handles or installs process handlers', () => {
    const root = tempDir('py-library');
    writeTree(root, {
      'pyproject.toml': '[project]\nname = "parselib"\nversion = "1.2.0"\ndependencies = ["attrs"]\n',
      'src/parselib/__init__.py': '',
    });
    init(root);
    const catalog = JSON.parse(readFileSync(path.join(root, 'faultline.catalog.json'), 'utf8'));
    expect(catalog.target).toMatchObject({ language: 'python', profile: 'library', kitDir: 'src/parselib/errors' });
    const kit = path.join(root, 'src/parselib/errors');
    for (const file of ['__init__.py', 'app_error.py', 'catalog.py', 'normalize.py', 'test_kit.py']) expect(existsSync(path.join(kit, file)), file).toBe(true);
    for (const file of ['logging_config.py', 'handler.py', 'process_handlers.py', 'context.py', 'resilience', 'http']) expect(existsSync(path.join(kit, file)), file).toBe(false);

    const tests = run('python3', ['-m', 'unittest', 'discover', '-v', '-s', 'src/parselib/errors', '-t', 'src'], root);
    expect(tests).toBe('');
    const exported = python(['-c', 'import parselib.errors as kit; print(sorted(n for n in kit.__all__ if not n[0].isupper()))'], root, ['src']);
    expect(exported.trim()).toBe("['add_note', 'error_class_for_status', 'find_error_class', 'is_app_error', 'normalize']");
    const caused = python(['-c', 'import parselib.errors as kit\ntry:\n    raise KeyError("k")\nexcept KeyError as e:\n    n = kit.normalize(e)\nprint(n.code, type(n.__cause__).__name__)'], root, ['src']);
    expect(caused.trim()).toBe('INTERNAL KeyError');

    const check = faultline(['check'], { cwd: root });
    expect(check.code).toBe(0);
  });

  it("logs through the project's own logging setup: records propagate to its handlers, redacted, with the request context", () => {
    const root = tempDir('py-logging-setup');
    writeTree(root, {
      'requirements.txt': 'flask\n',
      'app/__init__.py': '',
      'app/logs.py': 'import logging\n\n\ndef setup():\n    logging.basicConfig(level=logging.INFO)\n',
    });
    const output = init(root);
    expect(output).toMatch(/app\/logs\.py sets up the project's logging/);
    const catalog = JSON.parse(readFileSync(path.join(root, 'faultline.catalog.json'), 'utf8'));
    expect(catalog.target).toMatchObject({ logger: 'project', projectLogger: { path: 'app/logs.py', export: 'logging', style: 'message-first' } });
    const script = [
      'import logging, json',
      'records = []',
      'class Keep(logging.Handler):',
      '    def emit(self, record): records.append(record)',
      'logging.getLogger().addHandler(Keep())',
      'import app.errors as kit',
      'with kit.request_context(request_id="req-9"):',
      '    kit.report_error(ValueError("bad"), operation="import_orders", api_key="sk-live-1")',
      'r = records[0]',
      'print(json.dumps([r.name, r.levelname, r.request_context, r.log_fields]))',
    ].join('\n');
    const [name, level, context, fields] = JSON.parse(python(['-c', script], root, ['.'])) as [string, string, Record<string, string>, Record<string, string>];
    expect([name, level]).toEqual(['app.errors', 'ERROR']);
    expect(context).toEqual({ request_id: 'req-9' });
    expect(fields).toEqual({ operation: 'import_orders', api_key: '[REDACTED]' });
  });

  it('starts a new project from an empty directory with --language python, and keeps working after add error', () => {
    const root = tempDir('py-empty');
    const output = init(root, ['--language', 'python']);
    expect(output).toContain('python -m unittest discover -s src/');
    const catalog = JSON.parse(readFileSync(path.join(root, 'faultline.catalog.json'), 'utf8'));
    const kitDir: string = catalog.target.kitDir;
    expect(kitDir).toMatch(/^src\/[a-z_][a-z0-9_]*\/errors$/);
    expect(catalog.target.framework).toBe('none');
    expect(existsSync(path.join(root, kitDir, 'http'))).toBe(false);
    python(['-m', 'unittest', 'discover', '-s', kitDir, '-t', 'src'], root, []);

    const added = faultline(['add', 'error', 'PaymentDeclined', '--status', '402', '--message', 'Your card was declined; "try" another \\ one.'], { cwd: root });
    expect(added.code).toBe(0);
    const catalogModule = readFileSync(path.join(root, kitDir, 'catalog.py'), 'utf8');
    expect(catalogModule).toContain('class PaymentDeclinedError(AppError):');
    expect(catalogModule).toContain("'PAYMENT_DECLINED': PaymentDeclinedError,");
    expect(existsSync(path.join(root, 'docs/runbooks/PAYMENT_DECLINED.md'))).toBe(true);
    python(['-m', 'unittest', 'discover', '-s', kitDir, '-t', 'src'], root, []);
    const kitPackage = kitDir.replace(/^src\//, '').replace(/\//g, '.');
    const message = python(['-c', `import ${kitPackage} as kit; print(kit.to_problem(kit.PaymentDeclinedError())['detail'])`], root, ['src']);
    expect(message.trim()).toBe('Your card was declined; "try" another \\ one.');

    const check = faultline(['check'], { cwd: root });
    expect(check.stdout + check.stderr).not.toMatch(/differs|missing/);
    expect(check.code).toBe(0);
  });

  it('refuses Python choices for a JavaScript project, and JavaScript ones for a Python project, in one line', () => {
    const js = tempDir('py-choices-js');
    writeTree(js, { 'package.json': '{"name":"web","version":"1.0.0"}' });
    const wrongForJs = faultline(['init', '--yes', '--framework', 'fastapi'], { cwd: js });
    expect(wrongForJs.code).toBe(2);
    expect(wrongForJs.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrongForJs.stderr).toMatch(/Python framework "fastapi"/);

    const py = tempDir('py-choices-py');
    writeTree(py, { 'requirements.txt': 'flask\n' });
    const wrongForPy = faultline(['init', '--yes', '--framework', 'express'], { cwd: py });
    expect(wrongForPy.code).toBe(2);
    expect(wrongForPy.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrongForPy.stderr).toMatch(/not a Python framework/);
  });
});
