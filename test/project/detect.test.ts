import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/errors.js';
import { detectProject } from '../../cli/project/detect.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp project made of the given files; objects are written as JSON. */
function project(files: Record<string, string | object>, dirName = 'app'): string {
  const parent = mkdtempSync(join(tmpdir(), 'faultline-detect-'));
  dirs.push(parent);
  const root = join(parent, dirName);
  mkdirSync(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

describe('detectProject', () => {
  it('treats a missing directory as an empty project', async () => {
    const parent = project({});
    const info = await detectProject(join(parent, 'New Service!'));
    expect(info).toMatchObject({
      isEmpty: true,
      hasPackageJson: false,
      name: 'new-service',
      language: 'javascript',
      moduleSystem: 'cjs',
      importSuffix: '',
      tsconfig: null,
      packageManager: 'npm',
      testRunner: 'node:test',
      framework: 'none',
      frameworksFound: [],
      logger: 'console',
      prettierConfigFile: null,
      sourceRoot: 'src',
      kitDir: 'src/errors',
    });
  });

  it('treats a directory with only dotfiles as empty, and uses src for it', async () => {
    const root = project({ '.gitignore': 'node_modules\n', '.git/HEAD': 'ref: refs/heads/main\n' });
    const info = await detectProject(root);
    expect(info.isEmpty).toBe(true);
    expect(info.name).toBe('app');
    expect(info.kitDir).toBe('src/errors');
  });

  it('detects TypeScript ESM with NodeNext and express', async () => {
    const root = project({
      'package.json': {
        name: '@acme/orders',
        type: 'module',
        dependencies: { express: '^5.1.0', pino: '^9.0.0' },
        devDependencies: { typescript: '^5.9.0', vitest: '^4.0.0' },
      },
      'tsconfig.json': { compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2023', 'DOM'], strict: true } },
      'src/index.ts': 'export {};\n',
    });
    const info = await detectProject(root);
    expect(info).toMatchObject({
      root,
      isEmpty: false,
      hasPackageJson: true,
      name: '@acme/orders',
      language: 'typescript',
      moduleSystem: 'esm',
      importSuffix: '.js',
      testRunner: 'vitest',
      framework: 'express',
      frameworksFound: ['express'],
      logger: 'pino',
      sourceRoot: 'src',
      kitDir: 'src/errors',
    });
    expect(info.tsconfig).toEqual({
      path: join(root, 'tsconfig.json'),
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2023', 'dom'],
      strict: true,
      tsExtensions: false,
    });
  });

  it('detects TypeScript CommonJS with fastify and jest', async () => {
    const root = project({
      'package.json': { name: 'billing', dependencies: { fastify: '^5.0.0' }, devDependencies: { typescript: '^5.0.0', jest: '^30.0.0' } },
      'tsconfig.json': { compilerOptions: { module: 'commonjs', target: 'es2020', esModuleInterop: true } },
      'server.ts': 'export {};\n',
    });
    const info = await detectProject(root);
    expect(info).toMatchObject({
      language: 'typescript',
      moduleSystem: 'cjs',
      importSuffix: '',
      testRunner: 'jest',
      framework: 'fastify',
      logger: 'console',
      sourceRoot: '.',
      kitDir: 'errors',
    });
    expect(info.tsconfig).toMatchObject({ module: 'commonjs', moduleResolution: null, lib: null, strict: false });
  });

  it('lets a CommonJS package under NodeNext stay CommonJS but keep the .js suffix', async () => {
    const root = project({
      'package.json': { name: 'x', devDependencies: { typescript: '5' } },
      'tsconfig.json': { compilerOptions: { module: 'node16' } },
    });
    expect(await detectProject(root)).toMatchObject({ moduleSystem: 'cjs', importSuffix: '.js' });
  });

  it('treats bundler-style TypeScript (module esnext) as ESM without suffixes', async () => {
    const root = project({
      'package.json': { name: 'web', dependencies: { hono: '4' }, devDependencies: { typescript: '5' } },
      'tsconfig.json': { compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } },
    });
    expect(await detectProject(root)).toMatchObject({ moduleSystem: 'esm', importSuffix: '', framework: 'hono' });
  });

  it('detects JavaScript ESM with hono', async () => {
    const root = project({
      'package.json': { name: 'edge', type: 'module', dependencies: { hono: '^4.0.0' } },
      'src/index.js': 'export {};\n',
    });
    expect(await detectProject(root)).toMatchObject({
      language: 'javascript',
      moduleSystem: 'esm',
      importSuffix: '.js',
      tsconfig: null,
      framework: 'hono',
      testRunner: 'node:test',
      kitDir: 'src/errors',
    });
  });

  it('detects plain JavaScript CommonJS', async () => {
    const root = project({ 'package.json': { name: 'worker', main: 'index.js' }, 'index.js': 'module.exports = {};\n' });
    expect(await detectProject(root)).toMatchObject({
      language: 'javascript',
      moduleSystem: 'cjs',
      importSuffix: '',
      framework: 'none',
      logger: 'console',
      sourceRoot: '.',
      kitDir: 'errors',
      packageManager: 'npm',
    });
  });

  it('prefers fastify, then express, then hono, and lists all it found', async () => {
    const root = project({ 'package.json': { name: 'mixed', dependencies: { hono: '4', express: '5', fastify: '5' } } });
    expect(await detectProject(root)).toMatchObject({ framework: 'fastify', frameworksFound: ['fastify', 'express', 'hono'] });
  });

  it('ignores frameworks that are only dev dependencies', async () => {
    const root = project({ 'package.json': { name: 'lib', devDependencies: { express: '5' } } });
    expect((await detectProject(root)).framework).toBe('none');
  });

  it.each([
    ['pnpm-lock.yaml', 'pnpm'],
    ['yarn.lock', 'yarn'],
    ['bun.lockb', 'bun'],
    ['bun.lock', 'bun'],
    ['package-lock.json', 'npm'],
  ])('reads the package manager from %s', async (lockfile, manager) => {
    const root = project({ 'package.json': { name: 'x' }, [lockfile]: '' });
    expect((await detectProject(root)).packageManager).toBe(manager);
  });

  it('finds a workspace lockfile at the repository root', async () => {
    const repo = project({ '.git/HEAD': '', 'pnpm-lock.yaml': '', 'packages/api/package.json': { name: 'api' } }, 'repo');
    expect((await detectProject(join(repo, 'packages/api'))).packageManager).toBe('pnpm');
  });

  it('falls back to the packageManager field before anything is installed', async () => {
    const root = project({ 'package.json': { name: 'x', packageManager: 'yarn@4.5.0' } });
    expect((await detectProject(root)).packageManager).toBe('yarn');
  });

  it.each(['.prettierrc', '.prettierrc.json', '.prettierrc.yaml', 'prettier.config.js', 'prettier.config.mjs'])('finds the prettier config %s', async (file) => {
    const root = project({ 'package.json': { name: 'x' }, [file]: '{}' });
    expect((await detectProject(root)).prettierConfigFile).toBe(join(root, file));
  });

  it('counts a prettier key in package.json as the prettier config', async () => {
    const root = project({ 'package.json': { name: 'x', prettier: { singleQuote: true } } });
    expect((await detectProject(root)).prettierConfigFile).toBe(join(root, 'package.json'));
  });

  it('finds the prettier config of the repository a workspace package lives in', async () => {
    const repo = project({ '.git/HEAD': '', '.prettierrc.json': '{}', 'packages/api/package.json': { name: 'api' } }, 'repo');
    expect((await detectProject(join(repo, 'packages/api'))).prettierConfigFile).toBe(join(repo, '.prettierrc.json'));
  });

  it('reads a tsconfig with comments, trailing commas and a relative extends', async () => {
    const root = project({
      'package.json': { name: 'x', type: 'module' },
      'tsconfig.base.json': '{\n  // shared settings\n  "compilerOptions": { "module": "NodeNext", "strict": true, "lib": ["ES2022",], },\n}\n',
      'tsconfig.json': '/* app */\n{\n  "extends": "./tsconfig.base",\n  "compilerOptions": {\n    "target": "ES2023", // newest\n    "moduleResolution": "NodeNext",\n  },\n}\n',
    });
    const info = await detectProject(root);
    expect(info.language).toBe('typescript');
    expect(info.tsconfig).toEqual({
      path: join(root, 'tsconfig.json'),
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2023',
      lib: ['es2022'],
      strict: true,
      tsExtensions: false,
    });
    expect(info.moduleSystem).toBe('esm');
    expect(info.importSuffix).toBe('.js');
  });

  it('follows an extends of an installed preset', async () => {
    const root = project({
      'package.json': { name: 'x' },
      'node_modules/@tsconfig/node20/tsconfig.json': { compilerOptions: { module: 'node16', target: 'es2022' } },
      'tsconfig.json': { extends: '@tsconfig/node20/tsconfig.json', compilerOptions: { strict: true } },
    });
    expect((await detectProject(root)).tsconfig).toMatchObject({ module: 'node16', target: 'es2022', strict: true });
  });

  it('follows extends through more than one level, as error-cause does', async () => {
    const root = project({
      'configs/node.json': { compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } },
      'tsconfig.base.json': { extends: './configs/node.json', compilerOptions: { target: 'es2022' } },
      'tsconfig.json': { extends: './tsconfig.base.json', compilerOptions: { strict: true } },
    });
    expect((await detectProject(root)).tsconfig).toMatchObject({ module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true });
  });

  it('lets the tsconfig own options override the extended ones', async () => {
    const root = project({
      'tsconfig.base.json': { compilerOptions: { module: 'commonjs', strict: true } },
      'tsconfig.json': { extends: ['./tsconfig.base.json'], compilerOptions: { module: 'esnext', strict: false } },
    });
    expect((await detectProject(root)).tsconfig).toMatchObject({ module: 'esnext', strict: false });
  });

  it.each([
    ['package.json', '{\n  "name": "x",\n  "type": "module",,\n}', /package\.json:3:20: expected a property name in double quotes, found "," — fix the JSON/],
    ['tsconfig.json', '{\n  "compilerOptions": {\n    "module": NodeNext\n  }\n}', /tsconfig\.json:3:15: unexpected "N"; expected a value/],
    ['package.json', '[]', /package\.json must contain a JSON object/],
  ])('reports a malformed %s as a one-line UsageError with its position', async (file, content, message) => {
    const root = project({ [file]: content });
    const error = await detectProject(root).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(join(root, file));
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses a file where a directory is expected', async () => {
    const root = project({ 'notes.txt': 'hi' });
    await expect(detectProject(join(root, 'notes.txt'))).rejects.toThrow(UsageError);
  });
});
