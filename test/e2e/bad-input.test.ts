/** Mistakes in what the user gives the command: one clear line, exit 2, nothing written. */
import { readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { faultline, tempDir, writeTree } from '../support/cli.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('a catalog that is a link to nothing', () => {
  it.each([['check'], ['sync'], ['add', 'error', 'PaymentDeclined'], ['init', '--yes'], ['migrate', '--dry-run'], ['audit']])('is named in one line by `%s`, exit 2', (...args) => {
    const root = tempDir('dangling-catalog');
    roots.push(root);
    writeTree(root, { 'package.json': '{ "name": "svc", "version": "1.0.0" }\n', 'src/a.js': 'export const a = 1;\n' });
    symlinkSync('moved-away.json', path.join(root, 'faultline.catalog.json'));
    const result = faultline(args, { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/faultline\.catalog\.json: it is a link to moved-away\.json, which does not exist|faultline\.catalog\.json is a link to moved-away\.json, which does not exist/);
    expect(readdirSync(root).sort()).toEqual(['faultline.catalog.json', 'package.json', 'src']);
  });
});

describe("a prettier configuration the project cannot load yet", () => {
  it.each([
    ['a shared configuration in a package not installed', { 'package.json': '{ "name": "svc", "version": "1.0.0", "prettier": "@acme/not-installed-style" }\n' }, /cannot load the project's prettier configuration: .*@acme\/not-installed-style.* — install the project's dependencies and run again/],
    ['a configuration file that is not valid', { 'package.json': '{ "name": "svc", "version": "1.0.0" }\n', '.prettierrc': '{ "singleQuote": true,\n' }, /cannot read the project's prettier configuration: .* — fix it and run again/],
  ])('%s: init says so in one line, exit 2, and writes nothing', (_name, tree, message) => {
    const root = tempDir('prettier-config');
    roots.push(root);
    writeTree(root, { ...tree, 'src/a.js': 'export const a = 1;\n' });
    const before = readdirSync(root).sort();
    const result = faultline(['init', '--yes'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(root).sort()).toEqual(before);
  });
});
