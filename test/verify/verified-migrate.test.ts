/**
 * The verified migration on small projects whose suites fail on specific rewrites: a warning a test
 * watches, an error's class a test checks, a predicate a test wants silent. Next to them, a test
 * that failed before the migration and a flaky one. Every other rewrite is kept and the suite ends
 * exactly as green as it was.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../cli/audit/run.js';
import { UsageError } from '../../cli/errors.js';
import { runMigrate } from '../../cli/migrate/run.js';
import { readRunFailures } from '../../cli/migrate/verify/results/read.js';
import { runVerifiedMigrate, type VerifyProgress } from '../../cli/migrate/verify/run.js';
import { CONFIG_SOURCE, CONFIG_SUITE, git, isRunning, projectWithKit, removeProjects, SITES_UNDER_TEST } from './project.js';

afterAll(removeProjects);

/** What fails when the project's own suite runs now, flaky test aside. */
function failingNow(root: string): string[] {
  rmSync(path.join(root, '.runs'), { force: true });
  const result = spawnSync('node', ['--test', '--test-reporter=tap', 'test/'], { cwd: root, encoding: 'utf8' });
  return readRunFailures({ output: result.stdout, exitCode: result.status, signal: result.signal, timedOut: false, timeoutMs: 0 }).failures;
}

async function configProject(): Promise<string> {
  return projectWithKit({ 'src/config.js': CONFIG_SOURCE, 'test/config.test.js': CONFIG_SUITE, '.gitignore': '.runs\n' });
}

describe('migrate --verify', () => {
  it('leaves alone exactly the rewrites that break a test, keeps the others, and ends as green as it started', async () => {
    const root = await configProject();
    const before = failingNow(root);
    expect(before).toEqual(['already broken before any migration']);
    rmSync(path.join(root, '.runs'));
    const progress: VerifyProgress[] = [];
    const report = await runVerifiedMigrate({ cwd: root, paths: ['src'], transforms: SITES_UNDER_TEST, verify: { command: 'node --test test/', onProgress: (p) => progress.push(p) } });

    expect(report.verify.reverted.map((site) => [site.transform, site.line, site.breaks])).toEqual([
      ['console-in-catch', 7, ['warns when the config is unreadable']],
      ['empty-catch', 24, ['a failed touch stays silent']],
      ['domain-errors', 50, ['a missing user is a plain Error']],
    ]);
    expect(report.verify.failingBefore).toEqual(['already broken before any migration']);
    expect(report.verify.flaky).toContain('flaky');
    expect(report.leftAlone).toEqual(expect.arrayContaining([{ path: 'src/config.js', line: 7, column: 5, transform: 'console-in-catch', reason: 'breaks warns when the config is unreadable' }]));
    expect(report.perTransform['console-in-catch']).toMatchObject({ fixed: 1, leftAlone: 1 });
    expect(report.changed.map((file) => file.path)).toEqual(['src/config.js']);

    const migrated = readFileSync(path.join(root, 'src/config.js'), 'utf8');
    expect(migrated).toContain("logger.error({ err }, 'save failed');");
    expect(migrated).toContain("throw new Error('not a number', { cause: e });");
    expect(migrated).toContain('  return double(x) * 2;\n}');
    expect(migrated).toContain("console.warn('config unreadable', err);");
    expect(migrated).toContain("throw new Error('user was not found');");
    expect(migrated).toContain('  } catch (e) {}');
    expect(failingNow(root)).toEqual(before);

    // The decision outlives the run: a plain migrate leaves the sites alone, audit shows them as info.
    const recorded = JSON.parse(readFileSync(path.join(root, 'faultline.verify.json'), 'utf8')) as { sites: Array<{ transform: string; breaks: string[] }> };
    expect(recorded.sites.map((site) => [site.transform, site.breaks])).toEqual([
      ['console-in-catch', ['warns when the config is unreadable']],
      ['empty-catch', ['a failed touch stays silent']],
      ['domain-errors', ['a missing user is a plain Error']],
    ]);
    git(root, 'add', '--all');
    git(root, 'commit', '-q', '-m', 'verified migration');
    const again = await runMigrate({ cwd: root, paths: ['src'] });
    expect(again.files.changed).toBe(0);
    expect(again.leftAlone).toEqual(expect.arrayContaining([expect.objectContaining({ line: 8, transform: 'console-in-catch', reason: 'breaks warns when the config is unreadable' })]));
    const audit = await runAudit({ cwd: root, paths: ['src'] });
    const info = audit.findings.filter((finding) => finding.severity === 'info' && finding.message.includes('left alone by migrate --verify'));
    expect(info.map((finding) => [finding.ruleId, finding.line])).toEqual([
      // Where they are now: a line lower for the kit's import right after the file's one import, the last also 4 higher for the removed try.
      ['console-in-catch', 8],
      ['empty-catch', 25],
      ['domain-errors', 47],
    ]);
    expect(info[0]?.message).toContain('breaks warns when the config is unreadable');

    expect(report.verify.runs).toBeLessThanOrEqual(report.verify.maxRuns);
    expect(progress.map((p) => p.run)).toEqual(Array.from({ length: report.verify.runs }, (_, i) => i + 1));
    for (const p of progress) expect(p.run).toBeLessThanOrEqual(p.maxRuns);
  }, 120_000);

  it('in a dry run prints the verified diff and leaves every byte and time of the tree as it was', async () => {
    const root = await configProject();
    const file = path.join(root, 'src/config.js');
    const mtime = statSync(file).mtimeMs;
    const report = await runVerifiedMigrate({ cwd: root, paths: ['src'], dryRun: true, transforms: SITES_UNDER_TEST, verify: { command: 'node --test test/' } });
    expect(readFileSync(file, 'utf8')).toBe(CONFIG_SOURCE);
    expect(Math.round(statSync(file).mtimeMs)).toBe(Math.round(mtime));
    expect(git(root, 'status', '--porcelain')).toBe('');
    const diff = report.changed[0]?.diff ?? '';
    expect(diff).toContain("+    logger.error({ err }, 'save failed');");
    expect(diff).not.toContain("+    logger.warn({ err }, 'config unreadable');");
    expect(report.verify.reverted).toHaveLength(3);
  }, 120_000);

  it("reads a pytest suite's junit XML through PYTEST_ADDOPTS, the command left as the user wrote it", async () => {
    const root = await projectWithKit({
      'src/tool.js': [
        'export function run(step) {',
        '  try {',
        '    step();',
        '  } catch (err) {',
        "    console.error('failed:', err.message);",
        '  }',
        '}',
        '',
        'export function parse(text) {',
        '  try {',
        '    return JSON.parse(text);',
        '  } catch (e) {',
        "    throw new Error('bad input');",
        '  }',
        '}',
        '',
        "run(() => { throw new Error('boom'); });",
        "try { parse('{'); } catch (error) { process.stdout.write(error.message); }",
        '',
      ].join('\n'),
      'tests/test_tool.py': [
        'import subprocess',
        '',
        'def tool():',
        "    return subprocess.run(['node', 'src/tool.js'], capture_output=True, text=True)",
        '',
        'def test_reports_failure_on_stderr():',
        "    assert tool().stderr == 'failed: boom\\n'",
        '',
        'def test_refuses_bad_input():',
        "    assert 'bad input' in tool().stdout",
        '',
      ].join('\n'),
    });
    const report = await runVerifiedMigrate({ cwd: root, paths: ['src'], verify: { command: 'python3 -m pytest -q tests' } });
    expect(report.verify.formats).toEqual(['junit']);
    expect(report.verify.reverted.map((site) => [site.transform, site.breaks])).toEqual([['console-in-catch', ['tests.test_tool.test_reports_failure_on_stderr']]]);
    expect(readFileSync(path.join(root, 'src/tool.js'), 'utf8')).toContain("throw new Error('bad input', { cause: e });");
  }, 120_000);

  it('verifies the Python rules with a pytest suite: the rewrite a test pins is left alone, remembered, and shown by audit as info', async () => {
    const root = await projectWithKit({
      'app/__init__.py': '',
      'app/config.py': [
        'import json',
        'import logging',
        '',
        'logger = logging.getLogger(__name__)',
        '',
        '',
        'def parse(text):',
        '    try:',
        '        return json.loads(text)',
        '    except ValueError as err:',
        '        raise RuntimeError("bad config")',
        '',
        '',
        'def read(path):',
        '    try:',
        '        with open(path) as handle:',
        '            return handle.read()',
        '    except OSError as err:',
        '        logger.error("cannot read %s", path)',
        '        return ""',
        '',
      ].join('\n'),
      'tests/__init__.py': '',
      'tests/test_config.py': [
        'import logging',
        'import pytest',
        'from app.config import parse, read',
        '',
        '',
        'def test_bad_config_keeps_no_chain():',
        '    with pytest.raises(RuntimeError) as caught:',
        '        parse("{")',
        '    assert caught.value.__cause__ is None',
        '',
        '',
        'def test_unreadable_file_is_empty(caplog):',
        '    with caplog.at_level(logging.ERROR):',
        '        assert read("/nowhere") == ""',
        '    assert "cannot read" in caplog.text',
        '',
      ].join('\n'),
    });
    const report = await runVerifiedMigrate({ cwd: root, paths: ['app'], verify: { command: 'python3 -m pytest -q tests' } });
    expect(report.verify.reverted.map((site) => [site.transform, site.line, site.breaks])).toEqual([['raise-without-from', 11, ['tests.test_config.test_bad_config_keeps_no_chain']]]);
    const migrated = readFileSync(path.join(root, 'app/config.py'), 'utf8');
    expect(migrated).toContain('        raise RuntimeError("bad config")\n');
    expect(migrated).toContain('logger.exception("cannot read %s", path)');
    git(root, 'add', '--all');
    git(root, 'commit', '-q', '-m', 'verified migration');
    expect((await runMigrate({ cwd: root, paths: ['app'] })).files.changed).toBe(0);
    const audit = await runAudit({ cwd: root, paths: ['app'] });
    expect(audit.findings.filter((finding) => finding.ruleId === 'raise-without-from').map((finding) => finding.severity)).toEqual(['info']);
  }, 120_000);

  it('refuses uncommitted changes in a file it would rewrite, before running anything', async () => {
    const root = await configProject();
    writeFileSync(path.join(root, 'src/config.js'), `${CONFIG_SOURCE}// mine\n`);
    const runs: VerifyProgress[] = [];
    await expect(runVerifiedMigrate({ cwd: root, paths: ['src'], dryRun: true, verify: { command: 'node --test test/', onProgress: (p) => runs.push(p) } })).rejects.toThrow(
      /uncommitted changes: src\/config\.js/,
    );
    expect(runs).toEqual([]);
  }, 60_000);

  it('counts a run that hangs as failing, ends it with what it started, and leaves alone the rewrite that made it hang', async () => {
    const root = await projectWithKit({
      'src/retry.js': ['export function parse(text) {', '  try {', '    return JSON.parse(text);', '  } catch (e) {', "    throw new Error('bad json');", '  }', '}', ''].join('\n'),
      // Hangs, with a child of its own, once the cause is attached.
      'check.mjs': [
        "import { readFileSync, writeFileSync } from 'node:fs';",
        "import { spawn } from 'node:child_process';",
        "if (readFileSync('src/retry.js', 'utf8').includes('cause')) {",
        "  const child = spawn('sleep', ['60'], { stdio: 'ignore' });",
        "  writeFileSync('.sleeper', String(child.pid));",
        '  setInterval(() => {}, 1000);',
        '}',
        '',
      ].join('\n'),
      '.gitignore': '.sleeper\n',
    });
    const report = await runVerifiedMigrate({ cwd: root, paths: ['src'], verify: { command: 'node check.mjs', timeoutMs: 1500 } });
    expect(report.verify.reverted.map((site) => site.breaks)).toEqual([['(the command did not finish within 2 s)']]);
    expect(readFileSync(path.join(root, 'src/retry.js'), 'utf8')).not.toContain('cause');
    expect(isRunning(Number(readFileSync(path.join(root, '.sleeper'), 'utf8')))).toBe(false);
  }, 60_000);

  it('stops without overwriting a file that something else changed while the tests ran', async () => {
    const root = await projectWithKit({ 'src/a.js': 'export function f() {\n  try {\n    g();\n  } catch (e) {}\n}\n' });
    const touch = `node -e "require('fs').appendFileSync('src/a.js', '// formatted\\n')"`;
    await expect(runVerifiedMigrate({ cwd: root, paths: ['src'], verify: { command: touch } })).rejects.toThrow(/src\/a\.js was changed by something else while the tests ran/);
    expect(readFileSync(path.join(root, 'src/a.js'), 'utf8')).toBe('export function f() {\n  try {\n    g();\n  } catch (e) {}\n}\n// formatted\n');
  }, 60_000);

  it('says what to do when the suite fails before migrating and names no test it can read', async () => {
    const root = await projectWithKit({ 'src/a.js': 'export function f() {\n  try {\n    g();\n  } catch (e) {}\n}\n' });
    await expect(runVerifiedMigrate({ cwd: root, paths: ['src'], verify: { command: 'exit 4' } })).rejects.toThrow(UsageError);
    await expect(runVerifiedMigrate({ cwd: root, paths: ['src'], verify: { command: 'exit 4' } })).rejects.toThrow(/fails before migrating/);
    expect(readFileSync(path.join(root, 'src/a.js'), 'utf8')).toContain('catch (e) {}');
  }, 60_000);
});
