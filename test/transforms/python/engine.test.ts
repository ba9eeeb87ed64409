/**
 * Python through the engine both commands share: discovery, per-file dispatch by language, audit
 * reports and SARIF, and migrate's writes, dry-run diffs and second runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toSarif } from '../../../cli/audit/format-sarif.js';
import { runAudit } from '../../../cli/audit/run.js';
import { runMigrate } from '../../../cli/migrate/run.js';
import { createAuditProject, removeAuditProjects } from '../../audit/projects.js';
import { sarifProblems } from '../../audit/sarif-structure.js';

afterAll(removeAuditProjects);

const PYTHON_TARGET = { language: 'python', moduleSystem: 'esm', importSuffix: '', kitDir: 'shop/errors', framework: 'none', testRunner: 'unittest' } as const;

const SERVICE = `import json


def load(path):
    try:
        with open(path) as handle:
            return json.load(handle)
    except ValueError:
        raise ConfigError(path)


def save(record):
    try:
        db.insert(record)
    except IntegrityError as exc:
        log.warning("duplicate %s", record)
        raise exc
`;

const FIXED = SERVICE.replace('except ValueError:\n        raise ConfigError(path)', 'except ValueError as err:\n        raise ConfigError(path) from err').replace(
  'raise exc\n',
  'raise\n',
);

describe('Python in audit', () => {
  it('finds .py files but never stubs, virtual environments, site-packages, caches or ignored files', async () => {
    const root = createAuditProject(
      {
        'shop/service.py': SERVICE,
        'shop/types.pyi': 'def load(path: str) -> dict: ...\n',
        '.venv/lib/python3.11/site-packages/pkg/mod.py': SERVICE,
        'env/pyvenv.cfg': 'home = /usr/bin\n',
        'env/lib/mod.py': SERVICE,
        'lib/site-packages/mod.py': SERVICE,
        'shop/__pycache__/service.py': SERVICE,
        'generated/out.py': SERVICE,
        '.gitignore': 'generated/\n',
      },
      { catalog: false },
    );
    const report = await runAudit({ cwd: root });
    expect([...new Set(report.findings.map((finding) => finding.file))]).toEqual(['shop/service.py']);
    expect(report.findings.map((finding) => [finding.ruleId, finding.line, finding.fixable])).toEqual([
      ['raise-without-from', 9, true],
      ['verbose-raise', 17, true],
    ]);
    expect(report.rules.filter((rule) => ['raise-without-from', 'bare-except'].includes(rule.id)).map((rule) => [rule.id, rule.fixable, rule.docs])).toEqual([
      ['raise-without-from', true, 'docs/rules/python/raise-without-from.md'],
      ['bare-except', false, 'docs/rules/python/bare-except.md'],
    ]);
  });

  it('carries Python findings into valid SARIF with their rules', async () => {
    const root = createAuditProject({ 'shop/service.py': SERVICE }, { catalog: false });
    const sarif = toSarif(await runAudit({ cwd: root })) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    expect(sarifProblems(sarif)).toEqual([]);
    const results = sarif.runs[0]?.results ?? [];
    expect(results.map((result) => [result.ruleId, result.locations[0]?.physicalLocation.artifactLocation.uri])).toEqual([
      ['raise-without-from', 'shop/service.py'],
      ['verbose-raise', 'shop/service.py'],
    ]);
  });

  it('reports a file Python cannot parse, with its position, and audits the rest', async () => {
    const root = createAuditProject({ 'a.py': 'try:\n    x()\nexcept ValueError\n    pass\n', 'b.py': 'try:\n    x()\nexcept:\n    pass\n' }, { catalog: false });
    const report = await runAudit({ cwd: root });
    expect(report.failed).toEqual([{ path: 'a.py', line: 3, column: 1, message: 'invalid Python syntax' }]);
    expect(report.findings.map((finding) => [finding.file, finding.ruleId])).toEqual([
      ['b.py', 'bare-except'],
      ['b.py', 'except-pass'],
    ]);
  });

  it('turns a Python rule off from the catalog like any other', async () => {
    const root = createAuditProject({ 'shop/service.py': SERVICE }, { audit: { rules: { 'verbose-raise': 'off' } } });
    const report = await runAudit({ cwd: root });
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(['raise-without-from']);
  });
});

describe('Python in migrate', () => {
  it('fixes a Python project, leaves its JavaScript alone, and changes nothing the second time', async () => {
    const script = 'try { run(); } catch (e) {}\n';
    const root = createAuditProject({ 'shop/service.py': SERVICE, 'tools/build.js': script }, { target: PYTHON_TARGET });
    const report = await runMigrate({ cwd: root, force: true });
    expect(report.changed).toEqual([{ path: 'shop/service.py', transforms: ['raise-without-from', 'verbose-raise'] }]);
    expect(report.perTransform['raise-without-from']).toMatchObject({ fixed: 1 });
    expect(readFileSync(path.join(root, 'shop/service.py'), 'utf8')).toBe(FIXED);
    expect(readFileSync(path.join(root, 'tools/build.js'), 'utf8')).toBe(script);
    const second = await runMigrate({ cwd: root, force: true });
    expect(second.changed).toEqual([]);
  });

  it('shows a dry run as a diff and writes nothing', async () => {
    const root = createAuditProject({ 'shop/service.py': SERVICE }, { target: PYTHON_TARGET });
    const report = await runMigrate({ cwd: root, dryRun: true });
    expect(report.changed[0]?.diff).toContain('+    except ValueError as err:');
    expect(readFileSync(path.join(root, 'shop/service.py'), 'utf8')).toBe(SERVICE);
  });

  it('runs only the Python rules --transform names, and names them among the choices', async () => {
    const root = createAuditProject({ 'shop/service.py': SERVICE }, { target: PYTHON_TARGET });
    const report = await runMigrate({ cwd: root, dryRun: true, transforms: ['verbose-raise'] });
    expect(report.changed.map((file) => file.transforms)).toEqual([['verbose-raise']]);
    await expect(runMigrate({ cwd: root, dryRun: true, transforms: ['verbose-rise'] })).rejects.toThrow(/unknown transform verbose-rise — available: .*raise-without-from, verbose-raise/);
  });

  const VIEWS = `from ..db import session
from .forms import OrderForm


def submit(data):
    form = OrderForm(data)
    try:
        session.add(form.order())
    except Exception:
        pass
    return form
`;
  const PACKAGE = { 'shop/__init__.py': '', 'shop/errors/__init__.py': '', 'shop/db.py': 'session = None\n', 'shop/api/__init__.py': '', 'shop/api/forms.py': 'OrderForm = dict\n' };

  it("reports a swallowed exception through the kit, imported the way the project imports its own modules", async () => {
    const root = createAuditProject({ ...PACKAGE, 'shop/api/views.py': VIEWS, 'shop/api/admin.py': 'from shop.db import session\n\n\ndef purge():\n    try:\n        session.purge()\n    except Exception:\n        pass\n' }, { target: PYTHON_TARGET });
    const report = await runMigrate({ cwd: root, force: true });
    expect(report.changed.map((file) => file.path)).toEqual(['shop/api/admin.py', 'shop/api/views.py']);
    const views = readFileSync(path.join(root, 'shop/api/views.py'), 'utf8');
    expect(views).toContain('from ..db import session\nfrom ..errors import report_error\nfrom .forms import OrderForm\n');
    expect(views).toContain('    except Exception as err:\n        report_error(err, operation="submit")\n');
    const admin = readFileSync(path.join(root, 'shop/api/admin.py'), 'utf8');
    expect(admin.startsWith('from shop.db import session\nfrom shop.errors import report_error\n')).toBe(true);
    expect((await runMigrate({ cwd: root, force: true })).changed).toEqual([]);
  });

  it("leaves a library's swallowed exceptions to its maintainers, and refuses to report them when asked", async () => {
    const root = createAuditProject({ ...PACKAGE, 'shop/api/views.py': VIEWS }, { target: { ...PYTHON_TARGET, profile: 'library' } });
    const report = await runMigrate({ cwd: root, dryRun: true });
    expect(report.changed).toEqual([]);
    await expect(runMigrate({ cwd: root, dryRun: true, transforms: ['except-pass'] })).rejects.toThrow(/except-pass report through the kit's reporter, which a library does not have/);
    const audit = await runAudit({ cwd: root });
    expect(audit.findings.filter((finding) => finding.ruleId === 'except-pass').map((finding) => [finding.line, finding.fixable, finding.reason])).toEqual([[9, false, expect.stringContaining('a library reports failures to its callers')]]);
  });
});
