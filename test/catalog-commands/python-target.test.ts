import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultline, run } from '../support/cli.js';
import { expectCheckPasses, initializedProject, read, snapshot } from './helpers.js';

/** The same commands drive a Python kit: nothing in them knows a target's file names. */
describe('add error, check and sync on a Python target', () => {
  it('adds an error the Python kit exports and its tests accept; drift is found and repaired', () => {
    const dir = initializedProject('python', {
      'pyproject.toml': '[project]\nname = "billing-api"\nversion = "0.1.0"\n',
      'billing_api/__init__.py': '',
    });
    const add = faultline(['add', 'error', 'PaymentDeclined', '--status', '402'], { cwd: dir });
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(read(dir, 'docs/runbooks/PAYMENT_DECLINED.md')).toContain('# PAYMENT_DECLINED: Payment Declined');

    const probe = run('python3', ['-c', 'from billing_api.errors import PaymentDeclinedError as E; e = E(); print(e.code, e.status)'], dir);
    expect(probe.trim()).toBe('PAYMENT_DECLINED 402');
    run('python3', ['-m', 'unittest', 'discover', '-s', 'billing_api/errors', '-t', '.'], dir);
    expectCheckPasses(dir);

    const catalogModule = path.join(dir, 'billing_api/errors/catalog.py');
    const pristine = read(dir, 'billing_api/errors/catalog.py');
    writeFileSync(catalogModule, pristine + '\n# local tweak\n');
    const check = faultline(['check', '--json'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: false, findings: [{ kind: 'drift', file: 'billing_api/errors/catalog.py', fix: 'npx faultline sync' }] });
    expect(faultline(['sync'], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'billing_api/errors/catalog.py')).toBe(pristine);

    const before = snapshot(dir);
    expect(faultline(['add', 'error', 'PaymentDeclined'], { cwd: dir }).code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });
});
