import { describe, expect, it } from 'vitest';
import { faultline, run, tempDir, writeTree } from '../support/cli.js';
import { json } from './fit-project-tools.js';

/**
 * Projects whose files are checked by a formatter other than prettier, installed from the
 * registry: after `init --yes` the formatter's own check passes on the kit.
 */
describe('init --yes in a TypeScript library formatted and checked by oxfmt', () => {
  it("leaves oxfmt --check passing, with oxfmt's 100-column lines", () => {
    const dir = tempDir('oxfmt');
    writeTree(dir, {
      'package.json': json({
        name: 'loader', version: '1.0.0', type: 'module', exports: './dist/index.mjs',
        scripts: { lint: 'oxfmt --check src test', test: 'vitest run' },
        devDependencies: { '@types/node': '^20.19.0', oxfmt: '^0.40.0', typescript: '^5.9.3', vitest: '^4.0.0' },
      }),
      '.oxfmtrc.json': json({ ignorePatterns: ['**/.tmp'] }),
      'tsconfig.json': json({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, types: ['node'] }, include: ['src', 'test'] }),
      // Written the way oxfmt prints it: a call that prettier's 80 columns would break stays on one line.
      'src/index.ts':
        'export function loadConfig(name: string, defaults: Record<string, unknown> = {}): object {\n  return { name, ...defaults };\n}\n',
      'test/index.test.ts':
        'import { expect, it } from "vitest";\nimport { loadConfig } from "../src/index";\n\nit("keeps the name", () => {\n  expect(loadConfig("app")).toEqual({ name: "app" });\n});\n',
    });
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    run('npx', ['oxfmt', '--check', 'src', 'test'], dir);
    const init = faultline(['init', '--yes'], { cwd: dir });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout).toContain("formatted with the project's oxfmt settings");
    run('npx', ['oxfmt', '--check', 'src', 'test'], dir);
    run('npx', ['tsc', '--noEmit'], dir);
    run('npm', ['run', 'test:errors'], dir);
  }, 600_000);
});
