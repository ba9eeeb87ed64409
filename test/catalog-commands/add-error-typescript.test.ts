import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultline, run } from '../support/cli.js';
import { expectCheckPasses, initializedProject, read } from './helpers.js';

/**
 * One installed TypeScript project serves every assertion: installing is the slow part, and
 * `add`, `check` and `sync` never touch dependencies.
 */
describe('add error in a TypeScript ESM kit (NodeNext, strict)', () => {
  it('keeps the project compiling, its kit tests passing and check clean', () => {
    const dir = initializedProject('add-ts', {
      'package.json': JSON.stringify({
        name: 'ts-esm-service', version: '1.0.0', type: 'module',
        devDependencies: { typescript: '^5.9.3', '@types/node': '^20.19.0' },
      }, null, 2),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: ['node'] },
        include: ['src'],
      }, null, 2),
      'src/app.ts': 'export const app = {};\n',
    });
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);

    for (const args of [
      ['PaymentDeclined', '--status', '402', '--category', 'payment'],
      ['UpstreamTimeout', '--status', '504'],
      ['LedgerLocked', '--code', 'LEDGER_BUSY', '--status', '423', '--retryable', '--severity', 'info', '--message', "The ledger is busy: it's closing the day."],
    ]) {
      const add = faultline(['add', 'error', ...args], { cwd: dir });
      expect(add.stderr).toBe('');
      expect(add.code).toBe(0);
    }
    const catalogTs = read(dir, 'src/errors/catalog.ts');
    expect(catalogTs).toMatch(/^class PaymentDeclinedError extends entryClass\(\{$/m);
    expect(catalogTs).toMatch(/^ {2}code: ["']LEDGER_BUSY["'],$/m);
    expect(catalogTs).toMatch(/^ {2}PaymentDeclinedError,\n {2}isPaymentDeclinedError,$/m);

    // The new classes and codes are usable, and the code union is exact: an unknown code does not compile.
    writeFileSync(path.join(dir, 'src/use-errors.ts'), [
      "import { errorClasses, LedgerLockedError, PaymentDeclinedError, UpstreamTimeoutError, type ErrorCode } from './errors/index.js';",
      "const code: ErrorCode = 'LEDGER_BUSY';",
      '// @ts-expect-error not a code in the catalog',
      "const unknown: ErrorCode = 'NOT_IN_CATALOG';",
      'export const errors = [new PaymentDeclinedError(), new UpstreamTimeoutError(), new LedgerLockedError()];',
      'export const byCode = errorClasses[code];',
      'export { unknown };',
      '',
    ].join('\n'));
    run('npx', ['tsc', '--noEmit', '-p', '.'], dir);
    run('npm', ['run', '--silent', 'test:errors'], dir);
    expectCheckPasses(dir);

    const upstream = JSON.parse(read(dir, 'faultline.catalog.json')).errors.find((e: { code: string }) => e.code === 'UPSTREAM_TIMEOUT');
    expect(upstream).toMatchObject({ status: 504, category: 'timeout', retryable: true, severity: 'error' });

    // A hand edit of a derived file is drift; sync puts it back and the project still compiles.
    const pristine = read(dir, 'src/errors/catalog.ts');
    writeFileSync(path.join(dir, 'src/errors/catalog.ts'), pristine.replace('status: 402,', 'status: 400,'));
    const check = faultline(['check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/src\/errors\/catalog\.ts: differs/);
    expect(faultline(['sync'], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'src/errors/catalog.ts')).toBe(pristine);
    run('npx', ['tsc', '--noEmit', '-p', '.'], dir);
    expectCheckPasses(dir);
  });
});
