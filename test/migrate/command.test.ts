import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCommandContext } from '../../cli/commands/context.js';
import { registerMigrate } from '../../cli/commands/migrate.js';
import { parseSize } from '../../cli/commands/scan-options.js';
import { UsageError } from '../../cli/errors.js';
import { parseSource } from '../../transforms/javascript/lib/parse.js';
import { createProject, removeProjects } from './helpers.js';

afterAll(removeProjects);

/** Every smell the built-in transforms fix, one per function. */
const legacy = [
  "import { db } from './db.js';",
  'export async function load(id: string) {',
  '  try {',
  '    return await db.get(id);',
  '  } catch (e) {}',
  '}',
  'export async function save(x: unknown) {',
  '  try {',
  '    await db.put(x);',
  '  } catch (err) {',
  "    console.error('Failed to save', err);",
  '  }',
  '}',
  'export function parse(text: string) {',
  '  try {',
  '    return JSON.parse(text);',
  '  } catch (e) {',
  "    throw new Error('bad json');",
  '  }',
  '}',
  'export function again() {',
  '  try {',
  '    step();',
  '  } catch (e) {',
  '    throw e;',
  '  }',
  '}',
  '',
].join('\n');

let stdout = '';
let stderr = '';

beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The command as the CLI mounts it, with the program's global flags; resolves to the exit code. */
async function faultline(args: string[]): Promise<number> {
  const context = createCommandContext();
  const program = new Command('faultline').option('--cwd <dir>').option('--no-color').option('-q, --quiet').exitOverride();
  registerMigrate(program, context);
  await program.parseAsync(args, { from: 'user' });
  return context.exitCode();
}

describe('faultline migrate with the built-in transforms', () => {
  it('shows the diff in a dry run, then applies it; the result parses and a second run changes nothing', async () => {
    const root = createProject({ 'src/a.ts': legacy, 'src/clean.ts': 'export const x = 1;\n' });
    expect(await faultline(['migrate', 'src', '--dry-run', '--cwd', root, '--no-color'])).toBe(0);
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(legacy);
    expect(stdout).toContain('would change src/a.ts (empty-catch, console-in-catch, error-cause, useless-catch)');
    expect(stdout).toContain('+    logger.error({ err }');
    expect(stdout).toContain('2 files scanned: 1 would change, 1 unchanged (1 with nothing to match, not parsed), 0 skipped, 0 failed');

    expect(await faultline(['--cwd', root, 'migrate', 'src'])).toBe(0);
    const migrated = readFileSync(path.join(root, 'src/a.ts'), 'utf8');
    expect(migrated).not.toBe(legacy);
    expect(() => parseSource(migrated, path.join(root, 'src/a.ts'))).not.toThrow();

    stdout = '';
    expect(await faultline(['migrate', '--cwd', root, '--json'])).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.files.changed).toBe(0);
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(migrated);
  });

  it('exits 1 when a file does not parse, naming it as path:line:column', async () => {
    const root = createProject({ 'src/bad.ts': 'try { x( } catch (e) {}\n', 'src/a.ts': legacy });
    expect(await faultline(['migrate', '--cwd', root, '--dry-run', '--no-color'])).toBe(1);
    expect(stderr).toMatch(/error: src\/bad\.ts:1:10: Unexpected token/);
  });

  it('turns bad flags into one-line usage errors', async () => {
    const root = createProject({ 'src/a.ts': legacy });
    await expect(faultline(['migrate', '--cwd', root, '--shard', '3/2'])).rejects.toThrow(UsageError);
    await expect(faultline(['migrate', '--cwd', root, '--transform', 'empty-catch,nope'])).rejects.toThrow(/^unknown transform nope — available: empty-catch, /);
    await expect(faultline(['migrate', 'missing', '--cwd', root])).rejects.toThrow('path not found: missing');
    await expect(faultline(['migrate', '--cwd', root, '--max-file-size', 'big'])).rejects.toThrow(UsageError);
  });

  it('takes --ignore more than once, before or after the paths', async () => {
    const root = createProject({ 'src/a.ts': legacy, 'src/b.ts': legacy, 'src/c.ts': legacy });
    await faultline(['migrate', '--ignore', 'src/a.ts', 'src', '--ignore', 'src/b.ts', '--dry-run', '--json', '--cwd', root]);
    expect(JSON.parse(stdout).changed.map((file: { path: string }) => file.path)).toEqual(['src/c.ts']);
  });

  it('merges the JSON reports of shards', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`src/f${i}.ts`] = legacy;
    const root = createProject(files);
    for (const shard of ['1/2', '2/2']) {
      stdout = '';
      await faultline(['migrate', '--dry-run', '--json', '--shard', shard, '--cwd', root]);
      writeFileSync(path.join(root, `report-${shard[0]}.json`), stdout);
    }
    stdout = '';
    expect(await faultline(['migrate', '--merge', 'report-1.json', 'report-2.json', '--json', '--cwd', root])).toBe(0);
    const merged = JSON.parse(stdout);
    expect(merged.files.changed).toBe(12);
    expect(merged.shards).toEqual([{ index: 1, count: 2 }, { index: 2, count: 2 }]);
    await expect(faultline(['migrate', '--merge', 'report-1.json', 'report-1.json', '--cwd', root])).rejects.toThrow('shard 1/2 is given twice');
  });
});

describe('parseSize', () => {
  it('reads bytes and k/m suffixes', () => {
    expect(parseSize('1000')).toBe(1000);
    expect(parseSize('512k')).toBe(512 * 1024);
    expect(parseSize('4MB')).toBe(4 * 1024 * 1024);
    for (const bad of ['0', '-1', '1g', 'x', '']) expect(() => parseSize(bad)).toThrow(UsageError);
  });
});
