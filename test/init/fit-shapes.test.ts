import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultline, run, tempDir, writeTree } from '../support/cli.js';

/**
 * Shapes of real projects where a kit used to land wrong: each project is written here, gets the
 * kit with `init --yes`, installs from the registry, and must then pass its own compiler and load
 * the kit the way its code runs (the compiled output under Node, not only tsc's opinion).
 */
const json = (value: unknown) => JSON.stringify(value, null, 2);
const TS = '^5.9.3';
const NODE_TYPES = '^20.19.0';

function initProject(files: Record<string, string>, args: string[] = []): { dir: string; stdout: string } {
  const dir = tempDir('fit');
  writeTree(dir, files);
  const result = faultline(['init', '--yes', ...args], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  return { dir, stdout: result.stdout };
}

describe('init fits the project it lands in', () => {
  it('a JavaScript package that type-checks its JavaScript with allowJs gets a JavaScript kit its checker accepts', () => {
    const { dir } = initProject({
      'package.json': json({ name: 'checked-js', version: '1.0.0', main: 'lib/index.js', files: ['lib'], devDependencies: { typescript: TS, '@types/node': NODE_TYPES } }),
      'tsconfig.json': json({ compilerOptions: { allowJs: true, checkJs: true, noEmit: true, strict: true, module: 'commonjs', target: 'es2022', types: ['node'], skipLibCheck: true }, include: ['lib'] }),
      'lib/index.js': "const { slug } = require('./slug');\nmodule.exports = { slug };\n",
      'lib/slug.js': "/** @param {string} s */\nfunction slug(s) { return s.toLowerCase(); }\nmodule.exports = { slug };\n",
      'lib/other.js': "const { slug } = require('./slug');\nmodule.exports = () => slug('A');\n",
    });
    expect(existsSync(path.join(dir, 'lib/errors/index.js'))).toBe(true);
    expect(existsSync(path.join(dir, 'lib/errors/index.ts'))).toBe(false);
    run('npx', ['tsc', '-p', '.'], dir);
    run('node', ['-e', "const kit = require('./lib/errors'); if (typeof kit.normalize !== 'function') process.exit(1)"], dir);
  });

  it('native ESM under bundler resolution gets .js specifiers, so the compiled code runs under Node', () => {
    const { dir } = initProject({
      'package.json': json({ name: 'native-esm', version: '1.0.0', type: 'module', main: 'dist/index.js', devDependencies: { typescript: TS, '@types/node': NODE_TYPES } }),
      'tsconfig.json': json({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', outDir: 'dist', strict: true, skipLibCheck: true, types: ['node'] }, include: ['src'] }),
      'src/index.ts': "import { greet } from './greet.js';\nimport { shout } from './shout.js';\nexport const hello = shout(greet('you'));\n",
      'src/greet.ts': "export const greet = (name: string) => `hello ${name}`;\n",
      'src/shout.ts': "import { greet } from './greet.js';\nexport const shout = (s: string) => s.toUpperCase() + greet('!').length;\n",
    });
    const catalog = JSON.parse(readFileSync(path.join(dir, 'faultline.catalog.json'), 'utf8'));
    expect(catalog.target.importSuffix).toBe('.js');
    writeTree(dir, { 'src/use-kit.ts': "import { NotFoundError } from './errors/index.js';\nexport const e = new NotFoundError();\nconsole.log(e.code);\n" });
    run('npx', ['tsc', '-p', '.'], dir);
    expect(run('node', ['dist/use-kit.js'], dir).trim()).toBe('NOT_FOUND');
  });

  it('a root tsconfig that only references projects: the kit compiles in the referenced source project', () => {
    const { dir } = initProject({
      'package.json': json({ name: 'solution', version: '1.0.0', type: 'module', exports: './dist/index.js', devDependencies: { typescript: TS, '@types/node': NODE_TYPES } }),
      'tsconfig.json': json({ files: [], references: [{ path: './tsconfig.lib.json' }] }),
      'tsconfig.base.json': json({ compilerOptions: { module: 'node16', target: 'es2022', strict: true, skipLibCheck: true, types: ['node'] } }),
      'tsconfig.lib.json': json({ extends: './tsconfig.base.json', compilerOptions: { composite: true, outDir: 'dist', rootDir: 'src' }, include: ['src'] }),
      'src/index.ts': "export const version = '1';\n",
    });
    expect(existsSync(path.join(dir, 'src/errors/index.ts'))).toBe(true);
    writeTree(dir, { 'src/use-kit.ts': "import { normalize } from './errors/index.js';\nconsole.log(normalize(new Error('x')).code);\n" });
    run('npx', ['tsc', '-b'], dir);
    expect(run('node', ['dist/use-kit.js'], dir).trim()).toBe('INTERNAL');
  });

  it("a project whose src/errors is its own public module keeps it, and the kit goes beside it", () => {
    const own = "export class ParseError extends Error {\n  override name = 'ParseError';\n}\n";
    const { dir, stdout } = initProject({
      'package.json': json({ name: 'owns-errors', version: '1.0.0', type: 'module', exports: './dist/index.js', devDependencies: { typescript: TS, '@types/node': NODE_TYPES } }),
      'tsconfig.json': json({ compilerOptions: { module: 'nodenext', target: 'es2022', outDir: 'dist', strict: true, skipLibCheck: true, types: ['node'] }, include: ['src'] }),
      'src/index.ts': "export * from './errors/index.js';\n",
      'src/errors/index.ts': own,
    });
    expect(readFileSync(path.join(dir, 'src/errors/index.ts'), 'utf8')).toBe(own);
    expect(existsSync(path.join(dir, 'src/error-kit/app-error.ts'))).toBe(true);
    expect(stdout).toMatch(/src\/errors is the project's own folder, so the kit goes to src\/error-kit/);
    run('npx', ['tsc', '-p', '.'], dir);
  });
});
