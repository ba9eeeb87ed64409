import { describe, expect, it } from 'vitest';
import { faultline, run, tempDir, writeTree } from '../support/cli.js';
import { json } from './fit-project-tools.js';

/**
 * Projects linted by strict modern configurations, installed from the registry: after `init --yes`
 * the project's own linter (and formatter) must pass on the kit, and `check` must agree with what
 * init wrote, fixes by type-aware rules included.
 */
interface StrictCase {
  name: string;
  files: Record<string, string>;
  commands: string[][];
}

const source = "export function double(value: number): number {\n\treturn value * 2;\n}\n";

const cases: StrictCase[] = [
  {
    name: 'a TypeScript library linted by xo, whose TypeScript rules read types',
    files: {
      'package.json': json({
        name: 'doubler', version: '1.0.0', type: 'module', exports: './dist/index.js', files: ['dist'],
        scripts: { test: 'xo && node --import=tsx/esm --test test/*.ts' },
        devDependencies: { '@types/node': '^20.19.0', tsx: '^4.20.0', typescript: '^5.9.3', xo: '^1.2.2' },
        // As xo projects on node:test do: its describe and it return promises nobody awaits, and test
        // files outside the tsconfig resolve node:test through xo's own fallback program.
        xo: { rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-unsafe-call': 'off' } },
      }),
      'tsconfig.json': json({
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'dist',
          noPropertyAccessFromIndexSignature: true, noUncheckedIndexedAccess: true, noImplicitOverride: true, types: ['node'],
        },
        include: ['source'],
      }),
      'source/index.ts': source,
      'test/index.ts': "import assert from 'node:assert/strict';\nimport {test} from 'node:test';\nimport {double} from '../source/index.js';\n\ntest('doubles', () => {\n\tassert.equal(double(2), 4);\n});\n",
    },
    commands: [['npx', 'xo'], ['npx', 'tsc', '--noEmit']],
  },
  {
    name: 'a TypeScript service linted by biome',
    files: {
      'package.json': json({
        name: 'doubler-service', version: '1.0.0', private: true, type: 'module',
        dependencies: { express: '^5.1.0' },
        devDependencies: { '@biomejs/biome': '^2.2.0', '@types/express': '^5.0.0', '@types/node': '^20.19.0', typescript: '^5.9.3', vitest: '^4.0.0' },
      }),
      'biome.json': json({ formatter: { indentStyle: 'space' }, linter: { rules: { recommended: true } } }),
      'tsconfig.json': json({
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true,
          noPropertyAccessFromIndexSignature: true, types: ['node'],
        },
        include: ['src'],
      }),
      'src/server.ts': "import express from 'express';\n\nexport const app = express();\n",
    },
    commands: [['npx', 'biome', 'lint', 'src'], ['npx', 'tsc', '--noEmit']],
  },
  {
    // As NestJS starters are: strict is off, so catch variables and `bind` are `any` to the rules that read types.
    name: "a TypeScript service linted by typescript-eslint's type-checked rules and prettier, compiled without strict",
    files: {
      'package.json': json({
        name: 'orders-service', version: '1.0.0', private: true,
        scripts: { lint: 'eslint .', test: 'vitest run' },
        dependencies: { express: '^5.1.0' },
        devDependencies: {
          '@eslint/js': '^9.30.0', '@types/express': '^5.0.0', '@types/node': '^20.19.0', eslint: '^9.30.0',
          'eslint-config-prettier': '^10.1.0', 'eslint-plugin-prettier': '^5.5.0', prettier: '^3.6.0',
          typescript: '^5.9.3', 'typescript-eslint': '^8.40.0', vitest: '^4.0.0',
        },
      }),
      '.prettierrc': json({ singleQuote: true, trailingComma: 'all' }),
      'eslint.config.mjs': `import eslint from '@eslint/js';
import prettierRecommended from 'eslint-plugin-prettier/recommended';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['eslint.config.mjs', 'dist/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettierRecommended,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
);
`,
      'tsconfig.json': json({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'ES2023', outDir: './dist', esModuleInterop: true, skipLibCheck: true, types: ['node'] },
      }),
      'src/server.ts': "import express from 'express';\n\nexport const app = express();\n",
    },
    commands: [['npx', 'eslint', '.'], ['npx', 'tsc', '--noEmit']],
  },
  {
    // As oclif's own CLIs are: unicorn's rules, perfectionist's sorting of every object's keys, and a test
    // folder whose tsconfig references the root project.
    name: 'a TypeScript CLI linted by eslint-config-oclif and tested with mocha through ts-node',
    files: {
      'package.json': json({
        name: 'greeter-cli', version: '1.0.0', bin: { greet: './bin/run.js' }, main: 'dist/index.js', types: 'dist/index.d.ts',
        files: ['/bin', '/dist'],
        scripts: { build: 'tsc -b', lint: 'eslint . --ext .ts', test: 'mocha --forbid-only "test/**/*.test.ts"' },
        devDependencies: {
          '@types/mocha': '^10.0.0', '@types/node': '^18', eslint: '^8.57.0', 'eslint-config-oclif': '^5',
          'eslint-config-oclif-typescript': '^3', 'eslint-config-prettier': '^9.1.0', mocha: '^10', 'ts-node': '^10.9.2', typescript: '^5',
        },
      }),
      '.eslintrc.json': json({ extends: ['oclif', 'oclif-typescript', 'prettier'] }),
      '.eslintignore': '/bin\n/dist\n',
      '.prettierrc.json': json({ bracketSpacing: false, printWidth: 120, semi: false, singleQuote: true }),
      '.mocharc.json': json({ require: ['ts-node/register'], 'watch-extensions': ['ts'], recursive: true, reporter: 'spec', timeout: 60_000 }),
      'tsconfig.json': json({ compilerOptions: { declaration: true, module: 'commonjs', outDir: 'dist', rootDir: 'src', strict: true, target: 'es2022' }, include: ['src/**/*'] }),
      'test/tsconfig.json': json({ extends: '../tsconfig', compilerOptions: { noEmit: true }, references: [{ path: '..' }] }),
      'bin/run.js': "#!/usr/bin/env node\nconsole.log(require('../dist').greet(process.argv[2] ?? 'world'))\n",
      'src/index.ts': 'export function greet(name: string): string {\n  return `hello ${name}`\n}\n',
      'test/greet.test.ts': "import {strict as assert} from 'node:assert'\n\nimport {greet} from '../src/index'\n\ndescribe('greet', () => {\n  it('greets by name', () => {\n    assert.equal(greet('ada'), 'hello ada')\n  })\n})\n",
    },
    // The kit's test runs too: its problem bodies must keep their order after the linter sorted the kit's object keys.
    commands: [['npx', 'eslint', '.', '--ext', '.ts'], ['npx', 'tsc', '--noEmit', '-p', '.'], ['npx', 'mocha', '--forbid-only', 'test/**/*.test.ts']],
  },
];

describe.each(cases)('init --yes in $name', (testCase) => {
  it("leaves the project's linter, formatter and compiler passing, and check agreeing", () => {
    const dir = tempDir('strict-lint');
    writeTree(dir, testCase.files);
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    const init = faultline(['init', '--yes'], { cwd: dir });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout).not.toMatch(/still reports|could not check/);
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    for (const [command, ...args] of testCase.commands) run(command!, args, dir);
    const check = faultline(['check'], { cwd: dir });
    expect(check.stdout + check.stderr).toMatch(/agree/);
    expect(check.code).toBe(0);
  });
});
