import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importOrderReader, optionsFrom, rulesFrom } from '../../cli/migrate/import-order.js';
import { runMigrate } from '../../cli/migrate/run.js';
import { createProject, git, removeProjects, reportEmptyCatch, writeFiles } from './helpers.js';

afterAll(removeProjects);

describe("import/order's options from a resolved ESLint configuration", () => {
  it('reads legacy and flat severities, fills in the default groups, and knows the rule is off', () => {
    expect(optionsFrom({ rules: { 'import/order': 'warn' } })).toEqual({ groups: ['builtin', 'external', 'parent', 'sibling', 'index'] });
    expect(optionsFrom({ rules: { 'import/order': [1, { groups: [['builtin', 'external'], 'parent'], 'newlines-between': 'always', alphabetize: { order: 'asc' } }] } })).toEqual({
      groups: [['builtin', 'external'], 'parent'],
      newlinesBetween: 'always',
      alphabetize: { order: 'asc', caseInsensitive: false },
    });
    expect(optionsFrom({ rules: { 'import-x/order': ['error', { pathGroups: [{ pattern: '@/**', group: 'internal', position: 'before' }] }] } })).toEqual({
      groups: ['builtin', 'external', 'parent', 'sibling', 'index'],
      pathGroups: [{ pattern: '@/**', group: 'internal', position: 'before' }],
    });
    expect(optionsFrom({ rules: { 'import/order': ['off', { groups: ['builtin'] }] } })).toBeUndefined();
    expect(optionsFrom({ rules: { 'import/order': 0 } })).toBeUndefined();
    expect(optionsFrom({ rules: {} })).toBeUndefined();
    // alphabetize's own "ignore" is the same as not sorting.
    expect(optionsFrom({ rules: { 'import/order': [2, { alphabetize: { order: 'ignore' } }] } })).toEqual({ groups: ['builtin', 'external', 'parent', 'sibling', 'index'] });
  });
});

describe('sorting rules that keep groups of imports apart', () => {
  it('are simple-import-sort, and perfectionist unless its newlinesBetween says otherwise', () => {
    expect(rulesFrom({ rules: { 'simple-import-sort/imports': 'error' } })).toEqual({ importGroupsApart: true });
    expect(rulesFrom({ rules: { 'perfectionist/sort-imports': [2, { type: 'natural' }] } })).toEqual({ importGroupsApart: true });
    expect(rulesFrom({ rules: { 'perfectionist/sort-imports': [2, { newlinesBetween: 'never' }] } })).toBeUndefined();
    expect(rulesFrom({ rules: { 'simple-import-sort/imports': 'off', 'import/order': 'warn' } })).toEqual({ importOrder: { groups: ['builtin', 'external', 'parent', 'sibling', 'index'] } });
  });
});

const load = "import { readFile } from 'node:fs/promises';\nimport { parse } from './parse.js';\nimport { cache } from './cache.js';\n\nexport async function load(name: string) {\n  try {\n    return parse(await readFile(name, 'utf8'));\n  } catch (error) {}\n  return cache;\n}\n";

/** A project whose own ESLint (this repository's, linked in) turns import/order on, through a plugin installed in its node_modules. */
function projectWithImportOrder(rule: string): string {
  const root = createProject({
    'src/users/load.ts': load,
    'node_modules/eslint-plugin-import/package.json': '{ "name": "eslint-plugin-import", "version": "2.31.0", "main": "index.js" }\n',
    'node_modules/eslint-plugin-import/index.js': 'module.exports = { rules: { order: { meta: { schema: false }, create: () => ({}) } } };\n',
    'eslint.config.js': `const plugin = require('eslint-plugin-import');\nmodule.exports = [{ files: ['**/*.ts'], plugins: { import: plugin }, rules: { 'import/order': ${rule} } }];\n`,
    '.gitignore': 'node_modules\n',
  });
  mkdirSync(path.join(root, 'node_modules'), { recursive: true });
  symlinkSync(path.dirname(require.resolve('eslint/package.json')), path.join(root, 'node_modules', 'eslint'), 'dir');
  return root;
}

describe('an import migrate adds, in a project that orders imports with import/order', () => {
  it("asks the project's ESLint and puts the kit (a parent folder) before the siblings", async () => {
    const root = projectWithImportOrder("['warn', { groups: ['builtin', 'external', 'parent', 'sibling', 'index'] }]");
    const report = await runMigrate({ cwd: root, paths: ['src'], available: [reportEmptyCatch] });
    expect(report.changed.map((file) => file.path)).toEqual(['src/users/load.ts']);
    expect(readFileSync(path.join(root, 'src/users/load.ts'), 'utf8')).toMatch(
      /^import \{ readFile \} from 'node:fs\/promises';\nimport \{ reportError \} from '\.\.\/errors\/index\.js';\nimport \{ parse \} from '\.\/parse\.js';\n/,
    );
  });

  it('follows the file alone when the rule is off', async () => {
    const root = projectWithImportOrder("'off'");
    expect(await importOrderReader(root)?.(path.join(root, 'src/users/load.ts'))).toBeUndefined();
    await runMigrate({ cwd: root, paths: ['src'], available: [reportEmptyCatch] });
    // Two siblings out of alphabetical order show no order to follow: the kit comes after them.
    expect(readFileSync(path.join(root, 'src/users/load.ts'), 'utf8')).toContain("import { cache } from './cache.js';\nimport { reportError } from '../errors/index.js';\n");
  });

  it('does not load ESLint in a project without the plugin', () => {
    const root = createProject({ 'src/users/load.ts': load });
    writeFiles(root, { 'eslint.config.js': "module.exports = [{ rules: { 'import/order': 'warn' } }];\n" });
    git(root, 'add', '-A');
    expect(importOrderReader(root)).toBeUndefined();
  });
});
