import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../cli/migrate/discover.js';
import { UsageError } from '../../cli/errors.js';
import { createProject, removeProjects } from './helpers.js';

afterAll(removeProjects);

const code = 'export const a = 1;\n';

async function discover(root: string, paths: string[] = [], ignore: string[] = [], cwd = root) {
  return discoverFiles({ root, cwd, paths, ignore });
}

describe('discoverFiles', () => {
  it('finds every source extension, skips declaration files and other files, sorted', async () => {
    const root = createProject({
      'src/z.ts': code, 'src/a.tsx': code, 'src/b.mts': code, 'src/c.cts': code, 'src/d.js': code, 'src/e.jsx': code,
      'src/f.mjs': code, 'src/g.cjs': code, 'src/types.d.ts': code, 'src/more.d.mts': code, 'src/readme.md': '# x', 'src/data.json': '{}',
      'src/.storybook/main.js': code,
    });
    const { files, skipped } = await discover(root);
    expect(files).toEqual(['src/.storybook/main.js', 'src/a.tsx', 'src/b.mts', 'src/c.cts', 'src/d.js', 'src/e.jsx', 'src/f.mjs', 'src/g.cjs', 'src/z.ts']);
    expect(skipped).toEqual([]);
  });

  it('never enters dependencies, build output, vendored code or .git, at any depth', async () => {
    const folders = ['node_modules', 'dist', 'build', 'out', 'coverage', '.next', 'vendor', 'third_party', '.git'];
    const files: Record<string, string> = { 'src/keep.ts': code };
    for (const folder of folders) {
      files[`${folder}/x.js`] = code;
      files[`packages/app/${folder}/x.js`] = code;
    }
    const root = createProject(files);
    expect((await discover(root)).files).toEqual(['src/keep.ts']);
  });

  it('takes a path named in full inside node_modules that git tracks, as monorepos keep workspaces there', async () => {
    const root = createProject({ 'packages/node_modules/app/src/a.ts': code, 'packages/node_modules/app/node_modules/dep/b.js': code });
    const { files, skipped } = await discover(root, ['packages/node_modules/app']);
    expect(files).toEqual(['packages/node_modules/app/src/a.ts']);
    expect(skipped).toEqual([]);
    expect((await discover(root, ['packages/node_modules/app/src/a.ts'])).files).toEqual(['packages/node_modules/app/src/a.ts']);
  });

  it('still skips a named path inside node_modules that .gitignore keeps out, or one a glob reached', async () => {
    const root = createProject({ '.gitignore': 'node_modules/\n', 'node_modules/lib/index.js': code, 'src/node_modules/x/y.js': code });
    const named = await discover(root, ['node_modules/lib/index.js']);
    expect(named.files).toEqual([]);
    expect(named.skipped).toEqual([{ path: 'node_modules/lib/index.js', reason: 'ignored by .gitignore' }]);
    expect((await discover(root, ['.'])).files).toEqual([]);
  });

  it('respects nested .gitignore files, negations and info/exclude the way git does', async () => {
    const root = createProject({
      '.gitignore': 'generated/\n*.gen.ts\n',
      '.git/info/exclude': 'local-only.ts\n',
      'local-only.ts': code,
      'generated/a.ts': code,
      'src/a.gen.ts': code,
      'src/keep.ts': code,
      'src/legacy/.gitignore': '*.js\n!important.js\n',
      'src/legacy/old.js': code,
      'src/legacy/important.js': code,
      'src/legacy/deeper/also-old.js': code,
      'src/other/x.js': code,
    });
    mkdirSync(path.join(root, '.git', 'objects'), { recursive: true });
    const { files } = await discover(root);
    expect(files).toEqual(['src/keep.ts', 'src/legacy/important.js', 'src/other/x.js']);
  });

  it('applies the repository .gitignore when the project root is a subfolder of the repository', async () => {
    const repo = createProject({ '.gitignore': 'app/tmp/\n', 'app/src/a.ts': code, 'app/tmp/b.ts': code }, { catalog: false });
    const root = path.join(repo, 'app');
    expect((await discover(root)).files).toEqual(['src/a.ts']);
  });

  it('skips explicitly named files that git ignores, saying why', async () => {
    const root = createProject({ '.gitignore': 'gen.ts\n', 'gen.ts': code });
    const { files, skipped } = await discover(root, ['gen.ts']);
    expect(files).toEqual([]);
    expect(skipped).toEqual([{ path: 'gen.ts', reason: 'ignored by .gitignore' }]);
  });

  it('applies --ignore patterns relative to the project root', async () => {
    const root = createProject({ 'src/a.ts': code, 'src/a.test.ts': code, 'src/legacy/b.ts': code, 'scripts/c.js': code });
    const { files } = await discover(root, [], ['**/*.test.ts', 'src/legacy/']);
    expect(files).toEqual(['scripts/c.js', 'src/a.ts']);
  });

  it('expands globs relative to the working folder and keeps literal names that look like globs', async () => {
    const root = createProject({ 'src/a.ts': code, 'src/b.js': code, 'src/pages/[id].tsx': code, 'node_modules/x/y.ts': code });
    expect((await discover(root, ['src/**/*.ts'])).files).toEqual(['src/a.ts']);
    expect((await discover(root, ['**/*.ts'])).files).toEqual(['src/a.ts']);
    expect((await discover(root, ['pages/[id].tsx'], [], path.join(root, 'src'))).files).toEqual(['src/pages/[id].tsx']);
  });

  it('combines files, folders and globs without duplicates', async () => {
    const root = createProject({ 'src/a.ts': code, 'src/b.ts': code, 'lib/c.js': code, 'other/d.js': code });
    expect((await discover(root, ['src', 'src/a.ts', 'lib/*.js'])).files).toEqual(['lib/c.js', 'src/a.ts', 'src/b.ts']);
  });

  it('rejects paths that do not exist, globs that match nothing and paths outside the project', async () => {
    const root = createProject({ 'src/a.ts': code });
    await expect(discover(root, ['srcc'])).rejects.toThrow(new UsageError('path not found: srcc — check the spelling, or quote glob patterns'));
    await expect(discover(root, ['src/**/*.vue'])).rejects.toThrow(UsageError);
    await expect(discover(root, ['..'])).rejects.toThrow(/outside the project/);
  });

  it('does not follow symbolic links: a loop ends the walk, linked files are reported as skipped', async () => {
    const root = createProject({ 'src/a.ts': code, 'shared/b.ts': code });
    symlinkSync('..', path.join(root, 'src', 'loop'));
    symlinkSync(path.join(root, 'shared', 'b.ts'), path.join(root, 'src', 'linked.ts'));
    symlinkSync(path.join(root, 'missing.ts'), path.join(root, 'src', 'dangling.ts'));
    const { files, skipped } = await discover(root);
    expect(files).toEqual(['shared/b.ts', 'src/a.ts']);
    expect(skipped).toEqual([
      { path: 'src/dangling.ts', reason: 'broken symbolic link' },
      { path: 'src/linked.ts', reason: 'symbolic link (links are not followed)' },
      { path: 'src/loop', reason: 'symbolic link to a folder (links are not followed)' },
    ]);
  });

  it('does not reach through a linked folder when a path names a file inside it', async () => {
    const outside = createProject({ 'x.ts': code }, { catalog: false });
    const root = createProject({ 'src/a.ts': code });
    symlinkSync(outside, path.join(root, 'src', 'shared'));
    const { files, skipped } = await discover(root, ['src/shared/x.ts', 'src/shared/*.ts', 'src']);
    expect(files).toEqual(['src/a.ts']);
    expect(skipped).toEqual([
      { path: 'src/shared', reason: 'symbolic link to a folder (links are not followed)' },
      { path: 'src/shared/x.ts', reason: 'inside a symbolic link to a folder (links are not followed)' },
    ]);
  });
});
