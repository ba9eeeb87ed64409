import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultline, tempDir } from '../support/cli.js';

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

describe('init keeps what the user has', () => {
  it('a second init --yes changes nothing', () => {
    const dir = tempDir('rerun');
    expect(faultline(['init', '--yes'], { cwd: dir }).code).toBe(0);
    const before = snapshot(dir);
    const second = faultline(['init', '--yes', '--json'], { cwd: dir });
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout) as { files: Array<{ path: string; status: string }> };
    expect(report.files.length).toBeGreaterThan(10);
    expect(report.files.filter((f) => f.status !== 'unchanged')).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a user-edited generated file survives a re-run without --force, and nothing else is written', () => {
    const dir = tempDir('edited');
    expect(faultline(['init', '--yes'], { cwd: dir }).code).toBe(0);
    const handler = path.join(dir, 'src/errors/handler.js');
    const edited = readFileSync(handler, 'utf8') + '\n// our team tweak\n';
    writeFileSync(handler, edited);
    const removed = path.join(dir, 'docs/runbooks/CONFLICT.md');
    writeFileSync(removed, '# our own notes\n');

    const rerun = faultline(['init', '--yes'], { cwd: dir });
    expect(rerun.code).toBe(1);
    expect(rerun.stderr).toMatch(/differ from what faultline would write.*--force/);
    expect(rerun.stderr.trim().split('\n')).toHaveLength(1);
    expect(rerun.stdout).toMatch(/conflict\s+src\/errors\/handler\.js/);
    expect(readFileSync(handler, 'utf8')).toBe(edited);
    expect(readFileSync(removed, 'utf8')).toBe('# our own notes\n');

    const forced = faultline(['init', '--yes', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(handler, 'utf8')).not.toContain('our team tweak');
  });

  it('--dry-run writes nothing and shows diffs', () => {
    const dir = tempDir('dry');
    const result = faultline(['init', '--yes', '--dry-run'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/would create\s+src\/errors\/app-error\.js/);
    expect(result.stdout).toContain('+++ b/src/errors/app-error.js');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--dry-run on an edited file shows the diff of the conflict', () => {
    const dir = tempDir('dry-conflict');
    faultline(['init', '--yes'], { cwd: dir });
    const file = path.join(dir, 'src/errors/handler.js');
    writeFileSync(file, readFileSync(file, 'utf8') + '// mine\n');
    const result = faultline(['init', '--yes', '--dry-run'], { cwd: dir });
    expect(result.stdout).toContain('-// mine');
    expect(readFileSync(file, 'utf8')).toContain('// mine');
  });

  it.each([
    [['--kit-dir', '../../outside']],
    [['--kit-dir', '/etc/faultline']],
    [['--runbook-dir', '../docs']],
  ])('refuses a hostile path %j with one line and writes nothing', (args) => {
    const dir = tempDir('hostile');
    const result = faultline(['init', '--yes', ...args], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/must be a relative path inside the project/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to write through a symlink that leaves the project', () => {
    const dir = tempDir('symlink');
    const outside = tempDir('outside');
    mkdirSync(path.join(dir, 'src'));
    symlinkSync(outside, path.join(dir, 'src', 'errors'));
    const result = faultline(['init', '--yes'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/links outside the project root/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('--dir pointing at a file is refused with one line', () => {
    const dir = tempDir('file-dir');
    const file = path.join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const result = faultline(['init', '--yes', '--dir', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is a file, not a directory/);
  });

  it('creates a missing --dir', () => {
    const dir = path.join(tempDir('new'), 'brand', 'new');
    const result = faultline(['init', '--yes', '--dir', dir]);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'faultline.catalog.json'))).toBe(true);
  });

  it('never waits for input when stdin is not a terminal', () => {
    const dir = tempDir('no-tty');
    // No --yes: with stdin closed it must take the defaults instead of prompting.
    const result = faultline(['init'], { cwd: dir, env: { CI: '' } });
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'src/errors/index.js'))).toBe(true);
  });
});

describe('the command line', () => {
  it.each([['--help'], ['init', '--help'], ['--version'], ['init', '--version']])('%j exits 0', (...args) => {
    const result = faultline(args);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(0);
  });

  it('an unknown option is a usage error (exit 2)', () => {
    const result = faultline(['init', '--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option/);
  });

  it('an invalid choice is a usage error (exit 2)', () => {
    const result = faultline(['init', '--yes', '--framework', 'koa'], { cwd: tempDir('choice') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/koa/);
  });
});
