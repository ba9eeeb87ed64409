import { describe, expect, it } from 'vitest';
import { detectPythonProject, identifierFrom, looksLikePythonProject } from '../../cli/project/python/detect.js';
import { tempDir, writeTree } from '../support/cli.js';

function project(files: Record<string, string>): string {
  const root = tempDir('detect-py');
  writeTree(root, files);
  return root;
}

describe('Python project detection', () => {
  it('tells a service, a command-line tool and a library apart', () => {
    const service = project({ 'requirements.txt': 'django==5.0\n', 'app/__init__.py': '' });
    const cli = project({ 'pyproject.toml': '[project]\nname = "tool"\nversion = "1.0"\n[project.scripts]\ntool = "tool.main:run"\n', 'tool/__init__.py': '' });
    const library = project({ 'pyproject.toml': '[project]\nname = "parselib"\nversion = "1.0"\ndependencies = ["attrs"]\n', 'parselib/__init__.py': '' });
    const script = project({ 'requirements.txt': 'requests\n', 'main.py': '' });
    expect(detectPythonProject(service).profile).toBe('service');
    expect(detectPythonProject(cli).profile).toBe('cli');
    expect(detectPythonProject(library).profile).toBe('library');
    expect(detectPythonProject(script).profile).toBe('service');
  });

  it('finds a src-layout package named after the project, FastAPI, pytest and ruff from pyproject.toml', () => {
    const root = project({
      'pyproject.toml': [
        '[project]',
        'name = "Order.Service"',
        'dependencies = ["FastAPI[all] >=0.110 ; python_version >= \'3.9\'"]',
        '[tool.pytest.ini_options]',
        'addopts = "-q"',
        '[tool.ruff]',
        'line-length = 100',
        '[tool.black]',
      ].join('\n'),
      'src/order_service/__init__.py': '',
      'src/aaa_other/__init__.py': '',
      'tests/__init__.py': '',
    });
    expect(detectPythonProject(root)).toMatchObject({
      name: 'Order.Service',
      package: { name: 'order_service', dir: 'src/order_service', layout: 'src' },
      kitDir: 'src/order_service/errors',
      importRoot: 'src',
      framework: 'fastapi',
      testRunner: 'pytest',
      formatters: ['ruff', 'black'],
    });
  });

  it('finds a flat package and Flask from requirements.txt; unittest when nothing configures pytest', () => {
    const root = project({ 'requirements.txt': '# web\nflask==3.0.3\n-r base.txt\n', 'shop/__init__.py': '', 'tests/__init__.py': '' });
    expect(detectPythonProject(root)).toMatchObject({
      package: { name: 'shop', dir: 'shop', layout: 'flat' },
      kitDir: 'shop/errors',
      importRoot: '.',
      framework: 'flask',
      testRunner: 'unittest',
      formatters: [],
    });
  });

  it('reads Poetry, setup.cfg and dev requirement files', () => {
    const poetry = project({
      'pyproject.toml': '[tool.poetry]\nname = "api"\n[tool.poetry.dependencies]\npython = "^3.11"\nflask = "^3"\n[tool.poetry.group.dev.dependencies]\npytest = "^8"\n',
    });
    expect(detectPythonProject(poetry)).toMatchObject({ framework: 'flask', testRunner: 'pytest' });

    const setupCfg = project({ 'setup.cfg': '[metadata]\nname = legacy-app\n\n[options]\ninstall_requires =\n    fastapi>=0.100\n    httpx\n' });
    expect(detectPythonProject(setupCfg)).toMatchObject({ name: 'legacy-app', framework: 'fastapi', testRunner: 'unittest' });

    const devFile = project({ 'requirements.txt': 'requests\n', 'requirements-dev.txt': 'pytest\n' });
    expect(detectPythonProject(devFile)).toMatchObject({ framework: 'none', testRunner: 'pytest' });

    expect(detectPythonProject(project({ 'requirements.txt': '', 'conftest.py': '' })).testRunner).toBe('pytest');
  });

  it('puts the kit in a top-level errors package when there is no package, and under src in an empty directory', () => {
    expect(detectPythonProject(project({ 'requirements.txt': 'requests\n', 'app.py': '' }))).toMatchObject({
      package: null,
      kitDir: 'errors',
      importRoot: '.',
    });
    const empty = detectPythonProject(tempDir('My Service'));
    expect(empty.isEmpty).toBe(true);
    expect(empty.kitDir).toMatch(/^src\/faultline_my_service_[a-z0-9]+\/errors$/);
    expect(empty.importRoot).toBe('src');
  });

  it('tells Python projects from JavaScript ones', () => {
    expect(looksLikePythonProject(project({ 'pyproject.toml': '' }))).toBe(true);
    expect(looksLikePythonProject(project({ 'requirements-dev.txt': 'pytest\n' }))).toBe(true);
    expect(looksLikePythonProject(project({ 'pyproject.toml': '', 'package.json': '{}' }))).toBe(false);
    expect(looksLikePythonProject(project({ 'index.js': '' }))).toBe(false);
  });

  it('turns distribution names into import names', () => {
    expect(identifierFrom('My-App.core')).toBe('my_app_core');
    expect(identifierFrom('3d-tools')).toBe('_3d_tools');
  });

  it('reports a malformed pyproject.toml with its line, as a one-line usage error', () => {
    const root = project({ 'pyproject.toml': '[project]\nname = "x\n' });
    expect(() => detectPythonProject(root)).toThrow(/pyproject\.toml:2: unterminated string — fix pyproject\.toml and run again/);
  });
});
