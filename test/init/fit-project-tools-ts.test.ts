import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../support/cli.js';
import { generateAndCheck, json, type ToolsCase } from './fit-project-tools.js';

const cases: ToolsCase[] = [
  {
    name: 'a TypeScript ESM package with an ESLint flat config sorting imports, and vitest with 100% coverage thresholds',
    files: {
      'package.json': json({
        name: 'summer', version: '1.0.0', type: 'module',
        scripts: { lint: 'eslint .', test: 'vitest run --coverage' },
        devDependencies: {
          '@eslint/js': '^9.30.0', '@types/node': '^20.19.0', '@vitest/coverage-v8': '^4.0.0', eslint: '^9.30.0',
          'eslint-plugin-simple-import-sort': '^12.1.0', typescript: '^5.9.3', 'typescript-eslint': '^8.40.0', vitest: '^4.0.0',
        },
      }),
      'eslint.config.js': `import js from '@eslint/js';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: { 'simple-import-sort/imports': 'error', 'simple-import-sort/exports': 'error' },
  },
);
`,
      'vitest.config.ts': `import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      thresholds: { 100: true },
    },
  },
});
`,
      'tsconfig.json': json({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: ['node'] },
        include: ['src'],
      }),
      'src/sum.ts': "import { strict as assert } from 'node:assert';\n\nexport function sum(values: number[]): number {\n  assert.ok(Array.isArray(values));\n  return values.reduce((total, value) => total + value, 0);\n}\n",
      'src/sum.test.ts': "import { describe, expect, it } from 'vitest';\n\nimport { sum } from './sum.js';\n\ndescribe('sum', () => {\n  it('adds up a list', () => {\n    expect(sum([1, 2, 3])).toBe(6);\n  });\n});\n",
    },
    kitTest: 'src/errors/kit.test.ts',
    commands: [['npx', 'eslint', '.'], ['npx', 'tsc', '--noEmit', '-p', '.']],
    ownTest: 'src/sum.test.ts',
    verify: (dir) => {
      expect(readFileSync(path.join(dir, 'vitest.config.ts'), 'utf8')).toContain("exclude: ['src/errors/**']");
    },
  },
  {
    name: 'a TypeScript CommonJS package tested with mocha through ts-node, built into dist',
    files: {
      'package.json': json({
        name: 'tripler', version: '1.0.0', main: 'dist/index.js', files: ['dist'],
        scripts: { build: 'tsc', test: 'mocha' },
        devDependencies: { '@types/mocha': '^10.0.0', '@types/node': '^20.19.0', mocha: '^11.0.0', 'ts-node': '^10.9.2', typescript: '^5.9.3' },
      }),
      '.mocharc.json': json({ require: ['ts-node/register'], extension: ['ts'], spec: ['test/**/*.spec.ts'] }),
      'tsconfig.json': json({
        compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, esModuleInterop: true, skipLibCheck: true, outDir: 'dist', rootDir: 'src', declaration: true, types: ['node', 'mocha'] },
        include: ['src'],
      }),
      'src/index.ts': 'export function triple(n: number): number {\n    return n * 3;\n}\n',
      'test/index.spec.ts': "import assert from 'node:assert';\nimport { triple } from '../src';\n\ndescribe('triple', () => {\n    it('triples a number', () => {\n        assert.strictEqual(triple(2), 6);\n    });\n});\n",
    },
    kitTest: 'test/errors/kit.spec.ts',
    commands: [['npm', 'run', 'build']],
    ownTest: 'triples a number',
    verify: (dir) => {
      // No tsx: the project loads TypeScript with ts-node, and the kit's test runs through it.
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
      expect(pkg.devDependencies.tsx).toBeUndefined();
      const packed = JSON.parse(run('npm', ['pack', '--dry-run', '--json'], dir)) as Array<{ files: Array<{ path: string }> }>;
      const files = packed[0]!.files.map((f) => f.path);
      expect(files).toContain('dist/errors/index.js');
      expect(files.filter((f) => /kit\.(spec|test)/.test(f))).toEqual([]);
      // The project's own four-space indentation, learned from its files.
      expect(readFileSync(path.join(dir, 'src/errors/normalize.ts'), 'utf8')).toMatch(/\n {4}'ETIMEDOUT',\n/);
    },
  },
];

describe.each(cases)('init --yes in $name', (testCase) => {
  it("fits the project's formatter, linter and test runner", () => generateAndCheck(testCase));
});
