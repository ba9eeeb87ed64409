import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultline, run } from '../support/cli.js';
import { expectCheckPasses, expectOneLineRefusal, initializedProject, read, snapshot } from './helpers.js';

/**
 * JavaScript kits need no install: their tests run under node:test, and a probe loads the kit
 * the way the project's own code would (import or require).
 */
const kits = [
  {
    name: 'JavaScript ESM',
    files: {},
    kitDir: 'src/errors',
    probe: (kit: string) => ['--input-type=module', '-e', `import * as kit from './${kit}/index.js'; ${probeBody}`],
  },
  {
    name: 'JavaScript CommonJS',
    files: { 'package.json': JSON.stringify({ name: 'legacy-service', version: '1.0.0' }, null, 2) },
    kitDir: 'errors',
    probe: (kit: string) => ['-e', `const kit = require('./${kit}/index.js'); ${probeBody}`],
  },
];

const probeBody = `
const error = new kit.errorClasses.PAYMENT_DECLINED();
console.log(JSON.stringify({
  json: error.toJSON(),
  isClass: error instanceof kit.PaymentDeclinedError,
  guard: kit.isPaymentDeclinedError(error),
  isAppError: kit.isAppError(error),
}));`;

describe.each(kits)('add error in a $name kit', (kit) => {
  it('records the error, regenerates its class and docs, and the kit still passes its tests and check', () => {
    const dir = initializedProject('add-js', kit.files);
    const add = faultline(['add', 'error', 'PaymentDeclined', '--status', '402', '--message', 'Your payment was declined.'], { cwd: dir });
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/Added PaymentDeclinedError \(PAYMENT_DECLINED, 402\)/);

    const catalog = JSON.parse(read(dir, 'faultline.catalog.json')) as { errors: Array<Record<string, unknown>> };
    expect(catalog.errors.at(-1)).toEqual({
      name: 'PaymentDeclinedError',
      code: 'PAYMENT_DECLINED',
      status: 402,
      category: 'client',
      retryable: false,
      severity: 'warning',
      message: 'Your payment was declined.',
      description: expect.stringContaining('PAYMENT_DECLINED'),
    });
    expect(read(dir, 'docs/runbooks/PAYMENT_DECLINED.md')).toContain('# PAYMENT_DECLINED: Payment Declined');
    expect(read(dir, 'docs/runbooks/README.md')).toContain('[PAYMENT_DECLINED](PAYMENT_DECLINED.md)');
    expect(read(dir, 'docs/errors.md')).toContain('Your payment was declined.');

    const probe = JSON.parse(run('node', kit.probe(kit.kitDir), dir)) as Record<string, unknown>;
    expect(probe).toMatchObject({
      json: { name: 'PaymentDeclinedError', code: 'PAYMENT_DECLINED', status: 402, retryable: false, severity: 'warning' },
      isClass: true,
      guard: true,
      isAppError: true,
    });
    run('node', ['--test', `${kit.kitDir}/kit.test.js`], dir);
    expectCheckPasses(dir);
  });

  it('refuses the same error twice, bad names and a code clash with one line each, writing nothing', () => {
    const dir = initializedProject('add-refusals', kit.files);
    expect(faultline(['add', 'error', 'PaymentDeclined'], { cwd: dir }).code).toBe(0);
    const before = snapshot(dir);

    expectOneLineRefusal(faultline(['add', 'error', 'PaymentDeclined'], { cwd: dir }), /PaymentDeclinedError is already in faultline\.catalog\.json/);
    expectOneLineRefusal(faultline(['add', 'error', 'PaymentDeclinedError', '--code', 'OTHER'], { cwd: dir }), /already in/);
    expectOneLineRefusal(faultline(['add', 'error', 'CardRefused', '--code', 'PAYMENT_DECLINED'], { cwd: dir }), /code PAYMENT_DECLINED is already used by PaymentDeclinedError/);
    expectOneLineRefusal(faultline(['add', 'error', 'Missing', '--code', 'NOT_FOUND'], { cwd: dir }), /code NOT_FOUND is already used by NotFoundError/);
    for (const [name, reason] of [
      ['../../Evil', /looks like a path/],
      ['Foo/Bar', /looks like a path/],
      ['1Bad', /start with a letter/],
      ['class', /keyword/],
      ['', /empty/],
    ] as const) {
      expectOneLineRefusal(faultline(['add', 'error', name], { cwd: dir }), reason);
    }
    expectOneLineRefusal(faultline(['add', 'error', 'Teapot', '--status', '418x'], { cwd: dir }), /invalid status "418x"/);

    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(path.join(dir, '../Evil.md'))).toBe(false);
  });
});
