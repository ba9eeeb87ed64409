import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultline, run, tempDir, writeTree } from '../support/cli.js';
import { json } from './fit-project-tools.js';

/**
 * A project whose ESLint lints Markdown (read as plain text, as shared configs such as
 * @antfu/eslint-config do) and requires kebab-case file names with unicorn/filename-case, installed
 * from the registry: runbook pages must follow the rule, and the problem-details links of the kit,
 * its tests and `check` must agree with the names.
 */
describe('init --yes in a project whose linter requires kebab-case file names, Markdown included', () => {
  it("names runbook pages in kebab-case, records it, and the project's linter, the kit's tests and check pass", () => {
    const dir = tempDir('kebab-runbooks');
    writeTree(dir, {
      'package.json': json({
        name: 'kebab-service', version: '1.0.0', private: true, type: 'module',
        scripts: { lint: 'eslint .', test: 'node --test' },
        devDependencies: { eslint: '^9.30.0', 'eslint-parser-plain': '^0.1.1', 'eslint-plugin-unicorn': '^60.0.0' },
      }),
      'eslint.config.js': [
        "import * as plain from 'eslint-parser-plain';",
        "import unicorn from 'eslint-plugin-unicorn';",
        '',
        'export default [',
        "  { files: ['**/*.md'], languageOptions: { parser: plain } },",
        "  { plugins: { unicorn }, rules: { 'unicorn/filename-case': ['error', { case: 'kebabCase', ignore: ['README.md'] }] } },",
        '];',
        '',
      ].join('\n'),
      'src/price-list.js': "export function priceOf(item) {\n  return item.price;\n}\n",
      'docs/getting-started.md': '# Getting started\n',
    });
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);

    const init = faultline(['init', '--yes', '--docs-base-url', 'https://docs.example.com/errors'], { cwd: dir });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout).not.toMatch(/still reports|could not check/);
    expect(init.stdout).toMatch(/Runbook pages are named kebab-case \(docs\/runbooks\/not-found\.md\): the project's eslint reports NOT_FOUND\.md \(unicorn\/filename-case\)/);

    const catalog = JSON.parse(readFileSync(path.join(dir, 'faultline.catalog.json'), 'utf8')) as { target: { runbookNames?: string } };
    expect(catalog.target.runbookNames).toBe('kebab-case');
    const pages = readdirSync(path.join(dir, 'docs/runbooks')).sort();
    expect(pages).toContain('validation-failed.md');
    expect(pages.filter((name) => name !== 'README.md' && /[A-Z_]/.test(name))).toEqual([]);

    run('npx', ['eslint', '.'], dir);
    // The kit's own test asserts that a not-found problem links to .../errors/not-found.
    run('npm', ['run', 'test:errors'], dir);
    const handled = run('node', ['--input-type=module', '-e', "import { toProblem } from './src/errors/handler.js'; import { errorClasses } from './src/errors/catalog.js'; console.log(toProblem(new errorClasses.VALIDATION_FAILED('bad')).type);"], dir);
    expect(handled.trim()).toBe('https://docs.example.com/errors/validation-failed');

    const check = faultline(['check'], { cwd: dir });
    expect(check.stdout + check.stderr).toMatch(/agree/);
    expect(check.code).toBe(0);
  });
});
