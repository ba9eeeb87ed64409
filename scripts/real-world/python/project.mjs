/**
 * What the harness needs to know of a real Python project: its kind, how its dependencies install
 * into the copy's own virtual environment, and the commands that lint, type-check and test it. Read
 * from pyproject.toml (through the machine's python3, whose tomllib is the reference reader),
 * setup.cfg, tox.ini and requirements files; an entry in the projects file overrides any of it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The copy's virtual environment, inside the copy so that each project has its own. */
export const VENV = '.venv';

const WEB_FRAMEWORKS = ['fastapi', 'flask', 'django', 'starlette', 'aiohttp', 'sanic', 'tornado', 'falcon', 'pyramid', 'bottle', 'quart', 'litestar'];
const TEST_GROUPS = ['test', 'tests', 'testing', 'dev'];
const MARKERS = ['pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt'];

export function isPythonProject(dir) {
  return !existsSync(path.join(dir, 'package.json')) && MARKERS.some((file) => existsSync(path.join(dir, file)));
}

/** pyproject.toml as JSON, read by Python's own tomllib; {} without one. */
export function readPyproject(dir) {
  const file = path.join(dir, 'pyproject.toml');
  if (!existsSync(file)) return {};
  const script = 'import json, sys, tomllib; print(json.dumps(tomllib.load(open(sys.argv[1], "rb")), default=str))';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

const text = (dir, file) => (existsSync(path.join(dir, file)) && statSync(path.join(dir, file)).isFile() ? readFileSync(path.join(dir, file), 'utf8') : '');
const names = (requirements) => requirements.map((line) => String(line).trim().toLowerCase().match(/^[a-z0-9][a-z0-9._-]*/)?.[0] ?? '').filter(Boolean);

/** `service` (a web framework among its dependencies), `cli` (console scripts), else `library`. */
export function detectKind(dir, pyproject = readPyproject(dir)) {
  const requirements = names([...(pyproject.project?.dependencies ?? []), ...text(dir, 'requirements.txt').split('\n')]);
  if (WEB_FRAMEWORKS.some((name) => requirements.includes(name))) return 'service';
  if (Object.keys(pyproject.project?.scripts ?? {}).length > 0 || /console_scripts/.test(text(dir, 'setup.py') + text(dir, 'setup.cfg'))) return 'cli';
  return 'library';
}

/** Whether the project builds a distribution (and so has a wheel to load). */
export function isPackaged(dir, pyproject = readPyproject(dir)) {
  return Boolean(pyproject['build-system'] || pyproject.project) || existsSync(path.join(dir, 'setup.py'));
}

/**
 * The install into the copy's virtual environment, as documented by the usual files: a test or dev
 * dependency group (PEP 735, which needs a current pip), a test or dev extra, requirements files for
 * development, else the project itself or its requirements.txt. pytest is added when none of those
 * brings a test runner the project's tests need.
 */
export function detectInstall(dir, pyproject = readPyproject(dir)) {
  const steps = ['python -m pip install --quiet --upgrade pip'];
  const editable = isPackaged(dir, pyproject) ? '-e .' : '';
  const group = TEST_GROUPS.find((name) => pyproject['dependency-groups']?.[name]);
  const extra = TEST_GROUPS.find((name) => pyproject.project?.['optional-dependencies']?.[name]);
  const requirementFiles = readdirSync(dir).filter((file) => /^requirements[-_.]?(dev|test|tests|testing)?\.txt$/.test(file)).sort();
  if (group) steps.push(`python -m pip install --group ${group} ${editable}`.trim());
  else if (extra) steps.push(`python -m pip install -e ".[${extra}]"`);
  else if (requirementFiles.length > 0) steps.push(`python -m pip install ${requirementFiles.map((file) => `-r ${file}`).join(' ')} ${editable}`.trim());
  else if (editable) steps.push(`python -m pip install ${editable}`);
  steps.push('(python -c "import pytest" 2>/dev/null || python -m pip install pytest)');
  return steps.join(' && ');
}

function configures(dir, pyproject, tool) {
  if (pyproject.tool?.[tool]) return true;
  if (tool === 'ruff') return existsSync(path.join(dir, 'ruff.toml')) || existsSync(path.join(dir, '.ruff.toml'));
  if (tool === 'flake8') return existsSync(path.join(dir, '.flake8')) || /^\[flake8\]/m.test(text(dir, 'setup.cfg') + text(dir, 'tox.ini')) || /\bflake8\b/.test(text(dir, 'tox.ini'));
  if (tool === 'mypy') return existsSync(path.join(dir, 'mypy.ini')) || /^\[mypy\]/m.test(text(dir, 'setup.cfg'));
  return false;
}

/**
 * The commands the harness runs, each in the copy's virtual environment: pytest (or unittest when
 * the project has no pytest configuration and a `tests.py`), and the linters the project configures
 * (ruff, flake8) when they are installed there. A type-checker runs only when the projects file names it.
 */
export function detectCommands(dir, overrides = {}, pyproject = readPyproject(dir)) {
  const pick = (key, detect) => (key in overrides ? overrides[key] : detect());
  const installed = (tool) => existsSync(path.join(dir, VENV, 'bin', tool));
  return {
    build: pick('build', () => null),
    typecheck: pick('typecheck', () => null),
    lint: pick('lint', () => {
      const linters = [];
      if (configures(dir, pyproject, 'ruff') && installed('ruff')) linters.push('ruff check --quiet --no-cache --output-format concise .');
      if (configures(dir, pyproject, 'flake8') && installed('flake8')) linters.push('flake8 --count');
      return linters.length > 0 ? linters.join(' && ') : null;
    }),
    test: pick('test', () => {
      const pytestConfigured = pyproject.tool?.pytest || existsSync(path.join(dir, 'pytest.ini')) || /^\[(tool:)?pytest\]/m.test(text(dir, 'setup.cfg') + text(dir, 'tox.ini'));
      if (!pytestConfigured && existsSync(path.join(dir, 'tests.py'))) return 'python -m unittest -v tests';
      return 'python -m pytest -p no:cacheprovider';
    }),
  };
}

/**
 * Folders `migrate` is pointed at: the projects file's `sources`, else the package holding the kit
 * (src/pkg/errors → src/pkg), else the project's root.
 */
export function detectSources(dir, catalog, configured) {
  if (configured?.length) return configured;
  const kitDir = catalog?.target?.kitDir;
  if (kitDir && kitDir.includes('/')) return [path.posix.dirname(kitDir)];
  return ['.'];
}

/** The copy's virtual environment first on the PATH, and nothing written beside the sources. */
export function toolEnv(dir) {
  return {
    CI: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    VIRTUAL_ENV: path.join(dir, VENV),
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PIP_NO_INPUT: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    PATH: [path.join(dir, VENV, 'bin'), process.env.PATH].join(path.delimiter),
  };
}
