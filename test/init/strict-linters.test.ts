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
