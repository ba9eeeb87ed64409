import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_ROOT, REPO_ROOT } from '../../support/fixtures.js';

const run = promisify(execFile);
const repo = REPO_ROOT;
const jscodeshift = join(repo, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const scratch = mkdtempSync(join(tmpdir(), 'faultline-jscodeshift-'));
const built = join(scratch, 'build');

/**
 * jscodeshift cannot load the TypeScript sources (their imports name the `.js` files they compile to),
 * so the transforms are compiled the way the package ships them, into a scratch folder.
 */
beforeAll(async () => {
  const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
  const flags = ['--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--strict', '--skipLibCheck'];
  const paths = ['--rootDir', repo, '--outDir', built, '--types', 'node', '--typeRoots', join(repo, 'node_modules', '@types')];
  await run(process.execPath, [tsc, ...flags, ...paths, join(repo, 'transforms', 'javascript', 'registry.ts')]);
  // The compiled files are ES modules and resolve their dependencies from the repository.
  writeFileSync(join(built, 'package.json'), '{ "type": "module" }\n');
  await run('ln', ['-s', join(repo, 'node_modules'), join(scratch, 'node_modules')]);
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function jscodeshiftRun(transformId: string, file: string, extra: string[] = []): Promise<string> {
  const transform = join(built, 'transforms', 'javascript', `${transformId}.js`);
  const { stdout } = await run(process.execPath, [jscodeshift, '-t', transform, file, '--parser=ts', '--run-in-band', ...extra], { cwd: scratch });
  return stdout;
}

/** A project with a catalog at its root and one fixture copied in at the same place relative to it. */
function projectWith(name: string, fixture: string, withCatalog: boolean): string {
  const root = join(scratch, name);
  mkdirSync(join(root, 'case'), { recursive: true });
  if (withCatalog) copyFileSync(join(FIXTURES_ROOT, 'faultline.catalog.json'), join(root, 'faultline.catalog.json'));
  const target = join(root, 'case', fixture.split('/').pop() as string);
  copyFileSync(join(FIXTURES_ROOT, fixture), target);
  return target;
}

describe('the plain jscodeshift CLI', () => {
  it('runs a transform and finds the kit through the nearest faultline.catalog.json', async () => {
    const file = projectWith('with-catalog', 'empty-catch/optional-binding-async.input.ts', true);
    const stdout = await jscodeshiftRun('empty-catch', file);
    expect(stdout).toMatch(/1 ok/);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(FIXTURES_ROOT, 'empty-catch/optional-binding-async.output.ts'), 'utf8'));
  });

  it('takes the kit from --kitDir and --importSuffix when there is no catalog', async () => {
    const file = projectWith('with-flags', 'console-in-catch/message-and-error.input.ts', false);
    const stdout = await jscodeshiftRun('console-in-catch', file, [`--kitDir=${join(scratch, 'with-flags', 'src', 'errors')}`, '--importSuffix=.js']);
    expect(stdout).toMatch(/1 ok/);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(FIXTURES_ROOT, 'console-in-catch/message-and-error.output.ts'), 'utf8'));
  });

  it('leaves a file with nothing to fix byte for byte as it was, counted as skipped', async () => {
    const file = projectWith('unchanged', 'useless-catch/comment-in-catch.input.ts', true);
    const before = readFileSync(file, 'utf8');
    const stdout = await jscodeshiftRun('useless-catch', file);
    expect(stdout).toMatch(/1 skipped/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('runs a transform that needs nothing from the kit without any kit settings', async () => {
    const file = projectWith('kit-free', 'useless-catch/rethrow-only-async.input.ts', false);
    const stdout = await jscodeshiftRun('useless-catch', file);
    expect(stdout).toMatch(/1 ok/);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(FIXTURES_ROOT, 'useless-catch/rethrow-only-async.output.ts'), 'utf8'));
  });

  it('fails a file whose fix needs the kit when none is configured, saying what to do', async () => {
    const file = projectWith('no-kit', 'empty-catch/optional-binding-async.input.ts', false);
    const stdout = await jscodeshiftRun('empty-catch', file);
    expect(stdout).toMatch(/1 errors/);
    expect(stdout).toContain('pass --kitDir=<path to the kit>');
  });
});
