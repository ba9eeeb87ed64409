/** Small projects whose own suites watch what the migration rewrites, committed to a fresh git repository with the kit. */
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inspectProject, runInit } from '../../cli/generate/init.js';
import { tempDir, writeTree } from '../support/cli.js';

const created: string[] = [];

export function removeProjects(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Team', '-c', 'user.email=team@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

/** Alive and not a zombie: a container's first process may never reap the orphans it inherits. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

/** A JavaScript ESM service (its kit has the logger and reportError the transforms call) with these files, the kit `init` writes, all committed. */
export async function projectWithKit(files: Record<string, string>): Promise<string> {
  const root = realpathSync(tempDir('verify'));
  created.push(root);
  writeTree(root, { 'package.json': '{ "name": "shop", "version": "1.0.0", "type": "module", "scripts": { "test": "node --test test/" } }\n', ...files });
  git(root, 'init', '-q');
  await runInit({ root, answers: { profile: 'service' }, dryRun: false, force: false }, await inspectProject(root));
  // The owner turns on the proposed "not found" mapping, as a team adopting domain-errors does.
  const catalogPath = path.join(root, 'faultline.catalog.json');
  const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as { mappings: Array<{ error: string; disabled?: boolean }> };
  for (const mapping of catalog.mappings) if (mapping.error === 'NotFoundError') delete mapping.disabled;
  writeFileSync(catalogPath, `${JSON.stringify(catalog, null, 2)}\n`);
  git(root, 'add', '--all');
  git(root, 'commit', '-q', '-m', 'project and kit');
  return root;
}

/** The default set and the class-changing domain-errors, which the suite's class check watches. */
export const SITES_UNDER_TEST = ['empty-catch', 'console-in-catch', 'error-cause', 'useless-catch', 'domain-errors'];

/** Source with one site per transform: the suite below watches three of them. */
export const CONFIG_SOURCE = [
  "import fs from 'node:fs';",
  '',
  'export function readConfig(file) {',
  '  try {',
  "    return JSON.parse(fs.readFileSync(file, 'utf8'));",
  '  } catch (err) {',
  "    console.warn('config unreadable', err);",
  '    return {};',
  '  }',
  '}',
  '',
  'export function parseNumber(text) {',
  '  try {',
  '    return JSON.parse(text);',
  '  } catch (e) {',
  "    throw new Error('not a number');",
  '  }',
  '}',
  '',
  'export function touch(store) {',
  '  try {',
  '    store.save();',
  '    store.saved = Date.now();',
  '  } catch (e) {}',
  '  return store;',
  '}',
  '',
  'export function save(data) {',
  '  try {',
  "    fs.writeFileSync('/nonexistent/folder/file', data);",
  '  } catch (err) {',
  "    console.error('save failed', err);",
  '  }',
  '}',
  '',
  'export function twice(x) {',
  '  try {',
  '    return double(x) * 2;',
  '  } catch (e) {',
  '    throw e;',
  '  }',
  '}',
  '',
  'function double(x) {',
  '  return x * 2;',
  '}',
  '',
  'export function findUser(users, id) {',
  '  const user = users.get(id);',
  "  if (!user) throw new Error('user was not found');",
  '  return user;',
  '}',
  '',
].join('\n');

export const CONFIG_SUITE = [
  "import test from 'node:test';",
  "import assert from 'node:assert';",
  "import fs from 'node:fs';",
  "import { readConfig, parseNumber, touch, save, twice, findUser } from '../src/config.js';",
  '',
  "test('warns when the config is unreadable', (t) => {",
  "  const warn = t.mock.method(console, 'warn', () => {});",
  "  assert.deepEqual(readConfig('/nowhere/config.json'), {});",
  '  assert.equal(warn.mock.callCount(), 1);',
  '});',
  '',
  "test('a missing user is a plain Error', () => {",
  '  assert.throws(() => findUser(new Map(), 1), (error) => error.constructor === Error);',
  '});',
  '',
  "test('a failed touch stays silent', () => {",
  '  const written = [];',
  '  const write = process.stdout.write;',
  '  process.stdout.write = (chunk) => (written.push(String(chunk)), true);',
  '  try {',
  "    touch({ save() { throw new Error('read-only'); } });",
  '  } finally {',
  '    process.stdout.write = write;',
  '  }',
  '  assert.deepEqual(written, []);',
  '});',
  '',
  "test('numbers parse, and other text is refused', () => {",
  "  assert.equal(parseNumber('12'), 12);",
  "  assert.throws(() => parseNumber('x'), /not a number/);",
  '  assert.equal(twice(3), 12);',
  "  assert.doesNotThrow(() => save('x'));",
  '});',
  '',
  "test('already broken before any migration', () => {",
  '  assert.equal(1 + 1, 3);',
  '});',
  '',
  // Fails every other run, counted in a file the project ignores.
  "test('flaky', () => {",
  "  const counter = new URL('../.runs', import.meta.url);",
  "  const runs = fs.existsSync(counter) ? Number(fs.readFileSync(counter, 'utf8')) : 0;",
  '  fs.writeFileSync(counter, String(runs + 1));',
  '  assert.equal(runs % 2, 0);',
  '});',
  '',
].join('\n');
