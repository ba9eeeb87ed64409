import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultline, repoRoot, run, tempDir } from '../support/cli.js';

/**
 * One catalog, two kits: a client must not be able to tell from a problem body whether a
 * JavaScript or a Python service answered. Both kits are asked about every catalog code (bare,
 * with an internal message, with Retry-After, hidden, with field errors) and a foreign error.
 */
describe('problem bodies across languages', () => {
  it('are identical, key order included, for the same catalog in the JavaScript and the Python kit', () => {
    const jsRoot = tempDir('parity-js');
    expect(faultline(['init', '--yes', '--docs-base-url', 'https://errors.example.com/docs/'], { cwd: jsRoot }).code).toBe(0);
    // A message with quotes, a backslash and non-ASCII text proves both kits' string literals.
    const added = faultline(['add', 'error', 'PaymentDeclined', '--status', '402', '--message', `Can't pay: the "card" was declined — café \\ ok`], {
      cwd: jsRoot,
    });
    expect(added.code).toBe(0);

    const catalog = JSON.parse(readFileSync(path.join(jsRoot, 'faultline.catalog.json'), 'utf8'));
    catalog.target = { ...catalog.target, language: 'python', kitDir: 'shop/errors', framework: 'none', logger: 'console', testRunner: 'unittest', importSuffix: '' };
    const pyRoot = tempDir('parity-py');
    mkdirSync(path.join(pyRoot, 'shop'));
    writeFileSync(path.join(pyRoot, 'shop/__init__.py'), '');
    writeFileSync(path.join(pyRoot, 'faultline.catalog.json'), JSON.stringify(catalog, null, 2));
    expect(faultline(['init', '--yes'], { cwd: pyRoot }).code).toBe(0);

    const fromJs = run('env', ['LOG_LEVEL=silent', process.execPath, path.join(repoRoot, 'test/python/scripts/problem-bodies.mjs'), path.join(jsRoot, 'src/errors')], jsRoot);
    const fromPython = run('env', ['PYTHONPATH=.', 'python3', path.join(repoRoot, 'test/python/scripts/problem_bodies.py'), 'shop.errors'], pyRoot);
    const jsCases = JSON.parse(fromJs) as Array<[string, unknown]>;
    const pyCases = JSON.parse(fromPython) as Array<[string, unknown]>;

    expect(jsCases.length).toBe(catalog.errors.length * 5 + 2);
    expect(pyCases.map(([name]) => name)).toEqual(jsCases.map(([name]) => name));
    for (const [index, [name, jsAnswer]] of jsCases.entries()) {
      // Compared as JSON text, so the order of keys counts too.
      expect(JSON.stringify(pyCases[index]![1]), name).toBe(JSON.stringify(jsAnswer));
    }
    const payment = jsCases.find(([name]) => name === 'PAYMENT_DECLINED bare')![1] as { body: { detail: string; type: string } };
    expect(payment.body.detail).toBe(`Can't pay: the "card" was declined — café \\ ok`);
    expect(payment.body.type).toBe('https://errors.example.com/docs/PAYMENT_DECLINED');
  });
});
