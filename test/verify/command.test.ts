/**
 * `faultline migrate --verify` as a user runs it: the built command in a separate process, its text
 * and JSON output, bad flags, and an interrupt in the middle of a run.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { VerifiedMigrateReport } from '../../cli/migrate/verify/run.js';
import { bin, faultline } from '../support/cli.js';
import { git, isRunning, projectWithKit, removeProjects } from './project.js';

afterAll(removeProjects);

const SOURCE = [
  'export function load(read) {',
  '  try {',
  '    return read();',
  '  } catch (err) {',
  "    console.warn('load failed', err);",
  '    return null;',
  '  }',
  '}',
  '',
  'export function store(write) {',
  '  try {',
  '    write();',
  '  } catch (err) {',
  "    console.error('store failed', err);",
  '  }',
  '}',
  '',
].join('\n');

const SUITE = [
  "import test from 'node:test';",
  "import assert from 'node:assert';",
  "import { load, store } from '../src/store.js';",
  "test('load warns once', (t) => {",
  "  const warn = t.mock.method(console, 'warn', () => {});",
  "  assert.equal(load(() => { throw new Error('x'); }), null);",
  '  assert.equal(warn.mock.callCount(), 1);',
  '});',
  "test('store goes on', () => {",
  "  assert.doesNotThrow(() => store(() => { throw new Error('y'); }));",
  '});',
  '',
].join('\n');

describe('faultline migrate --verify', () => {
  it('prints each site left alone with the tests it breaks, and the runs it took', async () => {
    const root = await projectWithKit({ 'src/store.js': SOURCE, 'test/store.test.js': SUITE });
    const result = faultline(['migrate', 'src', '--verify', 'node --test test/'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/left alone\s+src\/store\.js:5:5 \(console-in-catch\): breaks load warns once/);
    expect(result.stdout).toMatch(/verified with `node --test test\/`: 1 rewrite kept, 1 left alone, \d+ test runs \(at most \d+\)/);
    expect(result.stdout).toContain('console-in-catch: 1 site fixed, 1 left alone: 1× breaks load warns once');
    const migrated = readFileSync(path.join(root, 'src/store.js'), 'utf8');
    expect(migrated).toContain("console.warn('load failed', err);");
    expect(migrated).toContain("logger.error({ err }, 'store failed');");
  }, 120_000);

  it('gives the verification in the JSON report, and the verified diff in a dry run', async () => {
    const root = await projectWithKit({ 'src/store.js': SOURCE, 'test/store.test.js': SUITE });
    const result = faultline(['migrate', 'src', '--verify', 'node --test test/', '--dry-run', '--json'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as VerifiedMigrateReport;
    expect(report.verify).toMatchObject({ command: 'node --test test/', formats: ['tap'], failingBefore: [], sitesTried: 2 });
    expect(report.verify.reverted).toEqual([
      { path: 'src/store.js', line: 5, column: 5, transform: 'console-in-catch', reason: 'breaks load warns once', breaks: ['load warns once'] },
    ]);
    expect(report.changed[0]?.diff).toContain("+    logger.error({ err }, 'store failed');");
    expect(report.changed[0]?.diff).not.toContain('load failed');
    expect(readFileSync(path.join(root, 'src/store.js'), 'utf8')).toBe(SOURCE);
  }, 120_000);

  it('refuses a timeout that is not a positive number of seconds, in one line', async () => {
    const root = await projectWithKit({ 'src/store.js': SOURCE });
    const result = faultline(['migrate', 'src', '--verify', 'true', '--verify-timeout', 'soon'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--verify-timeout');
  }, 60_000);

  it.each([
    ['SIGINT', 'stopped'],
    ['SIGTERM', 'terminated'],
  ] as const)('puts every file back and ends the running tests on %s in the middle of a run', async (signal, said) => {
    const root = await projectWithKit({
      'src/store.js': SOURCE,
      // Waits, once it sees the migrated code, until it is ended; says so in a file first.
      'slow.mjs': [
        "import { readFileSync, writeFileSync } from 'node:fs';",
        "if (readFileSync('src/store.js', 'utf8').includes('logger')) {",
        "  writeFileSync('.waiting', String(process.pid));",
        '  setInterval(() => {}, 1000);',
        '}',
        '',
      ].join('\n'),
      '.gitignore': '.waiting\n',
    });
    const child = spawn(process.execPath, [bin, 'migrate', 'src', '--verify', 'node slow.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const waiting = path.join(root, '.waiting');
    for (let tries = 0; !existsSync(waiting) && tries < 600; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(waiting)).toBe(true);
    const tests = Number(readFileSync(waiting, 'utf8'));
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain(`interrupted: ${said} while the tests ran; they were ended, and every file is as it was before migrate`);
    expect(readFileSync(path.join(root, 'src/store.js'), 'utf8')).toBe(SOURCE);
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(isRunning(tests)).toBe(false);
  }, 120_000);
});

describe('faultline migrate --verify with nothing to rewrite', () => {
  it('runs no test and says so', async () => {
    const root = await projectWithKit({ 'src/clean.js': 'export const one = 1;\n', 'marker.mjs': "import { writeFileSync } from 'node:fs';\nwriteFileSync('.ran', '');\n" });
    const result = faultline(['migrate', 'src', '--verify', 'node marker.mjs'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('nothing to verify with `node marker.mjs`: no rewrite, the tests were not run');
    expect(existsSync(path.join(root, '.ran'))).toBe(false);
  }, 60_000);
});
