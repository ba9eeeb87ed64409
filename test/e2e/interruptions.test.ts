/**
 * What the command does when it cannot finish as planned: a reader that stops reading, Ctrl-C at a
 * prompt and in the middle of writing. The built command runs as a user runs it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, repoRoot, tempDir, writeTree } from '../support/cli.js';
import { git } from '../migrate/helpers.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function project(prefix: string, files: Record<string, string>): string {
  const root = tempDir(prefix);
  roots.push(root);
  writeTree(root, files);
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'start');
  return root;
}

const emptyCatch = (index: number): string => `export function load${index}() {\n  try {\n    read();\n  } catch (error) {}\n}\n`;

describe('a reader that closes the pipe early', () => {
  it('ends the command quietly: no stack, no EPIPE', () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 200; index++) files[`src/f${index}.js`] = emptyCatch(index);
    const root = project('epipe', files);
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" audit src --verbose 2>"${root}/stderr.txt" | head -1`], { cwd: root, encoding: 'utf8' });
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    const stderr = readFileSync(path.join(root, 'stderr.txt'), 'utf8');
    expect(stderr).not.toMatch(/EPIPE|node:|\n\s+at /);
  });
});

describe('Ctrl-C at a prompt of init, in a terminal', () => {
  it('says nothing was written and exits 130, without calling it a failure', () => {
    const root = tempDir('init-ctrl-c');
    roots.push(root);
    writeTree(root, { 'package.json': '{ "name": "svc", "version": "1.0.0" }\n' });
    const env = { ...process.env, NO_COLOR: '1' };
    delete env.CI;
    const result = spawnSync('python3', [path.join(repoRoot, 'test/e2e/in-terminal.py'), 'Language of the kit', process.execPath, bin, 'init'], { cwd: root, env, encoding: 'utf8' });
    expect(result.stdout).toContain('interrupted: nothing was written');
    expect(result.stdout).not.toMatch(/failed unexpectedly|force closed/);
    expect(result.stdout).toContain('[exit 130]');
    expect(readdirSync(root)).toEqual(['package.json']);
  });
});

describe('Ctrl-C while migrate writes', () => {
  const count = 400;

  function migratedFiles(root: string): number {
    // Only the sources: a temporary file seen in the listing may be renamed before it is read.
    const sources = readdirSync(path.join(root, 'src')).filter((name) => name.endsWith('.js'));
    return sources.filter((name) => readFileSync(path.join(root, 'src', name), 'utf8').includes('reportError')).length;
  }

  it('stops between two files, says how many were written, and a second run finishes the rest', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < count; index++) files[`src/f${String(index).padStart(3, '0')}.js`] = emptyCatch(index);
    const root = project('migrate-ctrl-c', files);
    const init = spawnSync(process.execPath, [bin, 'init', '--yes', '--language', 'javascript', '--kit-dir', 'kit'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    expect(init.status, init.stderr).toBe(0);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'kit');

    const child = spawn(process.execPath, [bin, 'migrate', 'src', '--transform', 'empty-catch'], { cwd: root, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Ctrl-C as soon as the first rewritten file is on disk.
    for (let polls = 0; polls < 2000 && migratedFiles(root) === 0; polls++) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGINT');
    const code = await exited;

    expect(code).toBe(130);
    const match = /interrupted: (\d+) of 400 files (?:was|were) written, each completely; the other (\d+) are unchanged — run the same command again to finish the rest/.exec(stderr);
    expect(match, stderr).not.toBeNull();
    const written = Number(match?.[1]);
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(count);
    expect(migratedFiles(root)).toBe(written);
    expect(stderr).not.toMatch(/\n\s+at /);
    // No temporary file is left beside the sources.
    expect(readdirSync(path.join(root, 'src')).filter((name) => !name.endsWith('.js'))).toEqual([]);

    const rerun = spawnSync(process.execPath, [bin, 'migrate', 'src', '--transform', 'empty-catch', '--json'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout).files.changed).toBe(count - written);
    expect(migratedFiles(root)).toBe(count);
  }, 120_000);
});

describe('temporary files of a run that was killed outright', () => {
  it('are removed and named by the next run; those of a run still going are left alone; a clean run leaves none', () => {
    const root = project('killed-run', { 'src/a.js': emptyCatch(1), 'src/b.js': emptyCatch(2) });
    const list = path.join(root, 'temp-files.list');
    const env = { ...process.env, NO_COLOR: '1', CI: '1', FAULTLINE_TEMP_LIST: list };
    // A process that has ended, standing for one killed with SIGKILL mid-write.
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout.trim());
    writeFileSync(path.join(root, 'src/a.js.844286329'), 'half of a rewrite');
    writeFileSync(path.join(root, 'src/b.js.1234567'), 'a write still going');
    writeFileSync(list, `${deadPid}\t${path.join(root, 'src/a.js.844286329')}\n${process.pid}\t${path.join(root, 'src/b.js.1234567')}\n`);

    const result = spawnSync(process.execPath, [bin, 'migrate', 'src', '--force', '--transform', 'empty-catch', '--no-color'], { cwd: root, encoding: 'utf8', env });
    expect(result.stderr).toContain(`warning: removed a temporary file left by a run that was killed: src/a.js.844286329`);
    expect(existsSync(path.join(root, 'src/a.js.844286329'))).toBe(false);
    expect(existsSync(path.join(root, 'src/b.js.1234567'))).toBe(true);
    // The run wrote both sources through temporary files of its own, and left none of them.
    expect(readdirSync(path.join(root, 'src')).sort()).toEqual(['a.js', 'b.js', 'b.js.1234567']);
    expect(readFileSync(list, 'utf8')).toBe(`${process.pid}\t${path.join(root, 'src/b.js.1234567')}\n`);
  });
});

