/**
 * Each reader on the real output of its runner: a small suite written here, with failures at known
 * places (nested suites, a parametrised case, a class), run by the runner itself.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRunFailures, type FinishedRun } from '../../cli/migrate/verify/results/read.js';
import { repoRoot, tempDir, writeTree } from '../support/cli.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = tempDir('verify-results');
  created.push(root);
  writeTree(root, files);
  return root;
}

/** Runs a command as verification does (no colours, CI), stdout and stderr together. */
function runner(command: string, cwd: string, env: NodeJS.ProcessEnv = {}): FinishedRun {
  const result = spawnSync(command, { cwd, shell: true, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0', ...env } });
  return { output: `${result.stdout}\n${result.stderr}`, exitCode: result.status, signal: result.signal, timedOut: false, timeoutMs: 60_000 };
}

const nodeSuite = [
  "import { describe, it, test } from 'node:test';",
  "import assert from 'node:assert';",
  "describe('outer suite', () => {",
  "  it('passes', () => {});",
  "  it('fails here', () => assert.equal(1, 2));",
  "  describe('inner', () => { it('deep fail', () => { throw new Error('boom'); }); });",
  '});',
  "test('top fail', () => assert.ok(false));",
  "test('still to do', { todo: true }, () => assert.ok(false));",
  '',
].join('\n');

describe('reading what failed', () => {
  it('reads node:test TAP with the chain of suites, and leaves TODO tests out', () => {
    const root = project({ 'a.test.mjs': nodeSuite });
    const read = readRunFailures(runner('node --test --test-reporter=tap a.test.mjs', root));
    expect(read.formats).toEqual(['tap']);
    expect(read.failures).toEqual(['outer suite', 'outer suite > fails here', 'outer suite > inner', 'outer suite > inner > deep fail', 'top fail']);
  });

  it("reads node:test's spec reporter", () => {
    const root = project({ 'a.test.mjs': nodeSuite });
    const read = readRunFailures(runner('node --test --test-reporter=spec a.test.mjs', root));
    expect(read.formats).toEqual(['node-spec']);
    expect(read.failures).toEqual(['a.test.mjs > deep fail', 'a.test.mjs > fails here', 'a.test.mjs > top fail']);
  });

  it("reads vitest's report, a file that does not load included", () => {
    const root = project({
      'a.test.mjs': [
        "import { describe, it, expect } from 'vitest';",
        "describe('outer suite', () => {",
        "  it('passes', () => {});",
        "  it('fails here', () => expect(1).toBe(2));",
        '});',
        '',
      ].join('\n'),
      'b.test.mjs': "import './missing.mjs';\nimport { it } from 'vitest';\nit('x', () => {});\n",
    });
    const read = readRunFailures(runner(`${path.join(repoRoot, 'node_modules/.bin/vitest')} run --root .`, root));
    expect(read.formats).toEqual(['vitest']);
    expect(read.failures).toEqual(['a.test.mjs > outer suite > fails here', 'b.test.mjs']);
  });

  const pythonSuite = {
    'tests/__init__.py': '',
    'tests/test_things.py': [
      'import unittest',
      'import pytest',
      '',
      'def test_ok():',
      '    assert True',
      '',
      'def test_fail():',
      '    assert 1 == 2',
      '',
      'class TestThing:',
      '    def test_method(self):',
      '        raise ValueError("boom")',
      '',
      '@pytest.mark.parametrize("n", [1, 2])',
      'def test_param(n):',
      '    assert n == 1',
      '',
      'class Plain(unittest.TestCase):',
      '    def test_equal(self):',
      '        self.assertEqual(1, 2)',
      '    def test_raises(self):',
      '        raise KeyError("k")',
      '    def test_fine(self):',
      '        pass',
      '',
    ].join('\n'),
  };
  const pythonFailures = ['tests.test_things.Plain.test_equal', 'tests.test_things.Plain.test_raises', 'tests.test_things.TestThing.test_method', 'tests.test_things.test_fail', 'tests.test_things.test_param[2]'];

  it("reads pytest's junit XML, and names tests as its terminal summary does", () => {
    const root = project(pythonSuite);
    const junit = path.join(root, 'junit.xml');
    const run = runner('python3 -m pytest', root, { PYTEST_ADDOPTS: `--junitxml=${junit}` });
    const fromXml = readRunFailures({ ...run, junitXml: readFileSync(junit, 'utf8') });
    expect(fromXml.formats).toEqual(['junit']);
    expect(fromXml.failures).toEqual(pythonFailures);
    const fromTerminal = readRunFailures(run);
    expect(fromTerminal.formats).toEqual(['pytest']);
    expect(fromTerminal.failures).toEqual(pythonFailures);
  });

  it("reads unittest's report with the same names", () => {
    const root = project({ ...pythonSuite, 'tests/test_things.py': pythonSuite['tests/test_things.py'].replace('import pytest', '').replace(/@pytest[\s\S]*?assert n == 1\n/, '').replace(/def test_fail[\s\S]*?raise ValueError\("boom"\)\n/, '') });
    const read = readRunFailures(runner('python3 -m unittest', root));
    expect(read.formats).toEqual(['unittest']);
    expect(read.failures).toEqual(['tests.test_things.Plain.test_equal', 'tests.test_things.Plain.test_raises']);
  });

  it('falls back to the exit code when no report is readable, and says how a run ended', () => {
    expect(readRunFailures({ output: 'something went wrong', exitCode: 3, signal: null, timedOut: false, timeoutMs: 1000 }).failures).toEqual(['(the command exited with code 3)']);
    expect(readRunFailures({ output: '', exitCode: 0, signal: null, timedOut: false, timeoutMs: 1000 }).failures).toEqual([]);
    expect(readRunFailures({ output: '', exitCode: null, signal: 'SIGKILL', timedOut: true, timeoutMs: 5000 }).failures).toEqual(['(the command did not finish within 5 s)']);
  });
});

describe('reading mocha and jest', () => {
  const suite = [
    "const assert = require('node:assert');",
    "describe('outer suite', () => {",
    "  it('passes', () => {});",
    "  it('fails here', () => { assert.equal(1, 2); });",
    "  describe('inner', () => { it('deep fail', () => { throw new Error('boom'); }); });",
    '});',
    "it('top fail', () => { assert.ok(false); });",
    '',
  ].join('\n');
  let root = '';
  const install = (): string => {
    if (root !== '') return root;
    root = project({ 'package.json': '{ "name": "runners", "version": "1.0.0", "private": true }\n', 'a.test.js': suite });
    const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', 'mocha@11', 'jest@30'], { cwd: root, encoding: 'utf8' });
    if (installed.status !== 0) throw new Error(installed.stderr);
    return root;
  };

  it("reads mocha's spec reporter, titles spread over several lines joined", () => {
    const read = readRunFailures(runner('npx mocha a.test.js', install()));
    expect(read.formats).toEqual(['mocha']);
    expect(read.failures).toEqual(['outer suite > fails here', 'outer suite > inner > deep fail', 'top fail']);
  }, 180_000);

  it("reads jest's report", () => {
    const read = readRunFailures(runner('npx jest a.test.js', install()));
    expect(read.formats).toEqual(['jest']);
    expect(read.failures).toEqual(['a.test.js › outer suite › fails here', 'a.test.js › outer suite › inner › deep fail', 'a.test.js › top fail']);
  }, 180_000);
});

