import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runbookFileName, runbookPageName } from '../../cli/catalog/runbook-names.js';
import { detectProject } from '../../cli/project/detect.js';
import { chooseRunbookNames, namingOf, namingOfFiles, namingsTheLinterAccepts } from '../../cli/project/file-naming.js';
import { detectLinter } from '../../cli/project/linter.js';
import { repoRoot, tempDir, writeTree } from '../support/cli.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = tempDir('file-naming');
  roots.push(root);
  mkdirSync(path.join(root, '.git'));
  writeTree(root, { 'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', private: true }), ...files });
  return root;
}

const code = 'export const value = 1;\n';
const doc = '# A page\n';

describe('runbook page names', () => {
  it('spell a code in each naming, digits kept where the code has them', () => {
    expect(['CODE', 'kebab-case', 'snake_case', 'camelCase', 'PascalCase'].map((names) => runbookFileName('NOT_FOUND', names as never))).toEqual([
      'NOT_FOUND.md', 'not-found.md', 'not_found.md', 'notFound.md', 'NotFound.md',
    ]);
    expect(runbookPageName('HTTP2_UPSTREAM_FAILED', 'kebab-case')).toBe('http2-upstream-failed');
    expect(runbookPageName('INTERNAL', 'PascalCase')).toBe('Internal');
    expect(runbookFileName('NOT_FOUND')).toBe('NOT_FOUND.md');
  });
});

describe('the naming a set of file names shows', () => {
  it('reads each name up to its first dot, and single words show nothing', () => {
    expect(namingOf('src/user-service.test.ts')).toBe('kebab-case');
    expect(namingOf('docs/GETTING_STARTED.md')).toBe('CODE');
    expect(namingOf('lib/user_service.js')).toBe('snake_case');
    expect(namingOf('src/useAuth.ts')).toBe('camelCase');
    expect(namingOf('src/UserCard.tsx')).toBe('PascalCase');
    expect(namingOf('src/index.ts')).toBeUndefined();
    expect(namingOf('README.md')).toBeUndefined();
  });

  it('needs two names and more than half of those with several words', () => {
    expect(namingOfFiles(['a-b.ts'])).toBeUndefined();
    expect(namingOfFiles(['a-b.ts', 'c-d.ts', 'index.ts', 'app.ts'])).toEqual({ names: 'kebab-case', count: 2, of: 2 });
    expect(namingOfFiles(['a-b.ts', 'c-d.ts', 'AbCd.ts', 'CdEf.ts'])).toBeUndefined();
    expect(namingOfFiles(['a-b.ts', 'c-d.ts', 'e-f.ts', 'GhIj.ts'])?.names).toBe('kebab-case');
  });
});

describe('what detection learns from the project files', () => {
  it("a project's kebab-case Markdown docs name its runbooks, whatever its sources say", async () => {
    const root = project({
      'docs/getting-started.md': doc,
      'docs/api-reference.md': doc,
      'docs/CHANGELOG.md': doc,
      'CODE_OF_CONDUCT.md': doc,
      'src/user_store.js': code,
      'src/order_store.js': code,
      'src/price_list.js': code,
    });
    expect((await detectProject(root)).fileNaming).toEqual({ names: 'kebab-case', reason: expect.stringMatching(/^2 of the project's 2 Markdown files/) });
  });

  it('Markdown docs in UPPER_SNAKE_CASE keep <CODE>.md', async () => {
    const root = project({ 'docs/GETTING_STARTED.md': doc, 'docs/API_REFERENCE.md': doc, 'src/user-store.js': code, 'src/order-store.js': code });
    expect((await detectProject(root)).fileNaming?.names).toBe('CODE');
  });

  it('without Markdown to go by, snake_case source files name the runbooks', async () => {
    const root = project({ 'src/user_store.js': code, 'src/order_store.js': code, 'src/index.js': code });
    expect((await detectProject(root)).fileNaming).toEqual({ names: 'snake_case', reason: expect.stringMatching(/source files/) });
  });

  it('PascalCase and camelCase source names follow their exports and decide nothing', async () => {
    const root = project({ 'src/UserCard.tsx': code, 'src/OrderList.tsx': code, 'src/useAuth.ts': code, 'tsconfig.json': '{}' });
    expect((await detectProject(root)).fileNaming).toBeUndefined();
  });

  it("Markdown git ignores and dependencies' files are not the project's convention", async () => {
    const root = project({
      '.gitignore': 'site/\n',
      'site/generated-page.md': doc,
      'site/other-page.md': doc,
      'node_modules/some-dep/read-me-first.md': doc,
      'node_modules/some-dep/how-to.md': doc,
      'node_modules/some-dep/lib/user-store.js': code,
      'node_modules/some-dep/lib/order-store.js': code,
      'src/index.js': code,
    });
    expect((await detectProject(root)).fileNaming).toBeUndefined();
  });
});

/**
 * A project whose ESLint lints Markdown files and requires kebab-case file names, through a rule of
 * its own (as unicorn/filename-case does) and a parser that reads a page as an empty program.
 */
const kebabLintConfig = `import path from 'node:path';

const plain = {
  parse(text) {
    const lines = text.split('\\n');
    return {
      type: 'Program', body: [], sourceType: 'module', tokens: [], comments: [], range: [0, text.length],
      loc: { start: { line: 1, column: 0 }, end: { line: lines.length, column: lines.at(-1).length } },
    };
  },
};

const kebabNames = {
  meta: { type: 'suggestion', schema: [] },
  create(context) {
    return {
      Program(node) {
        const name = path.basename(context.physicalFilename);
        if (name !== 'README.md' && !/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+)+$/.test(name)) context.report({ node, message: 'Filename is not in kebab case.' });
      },
    };
  },
};

export default [
  { files: ['**/*.md'], languageOptions: { parser: plain } },
  { plugins: { local: { rules: { 'filename-case': kebabNames } } }, rules: { 'local/filename-case': 'error' } },
];
`;

function eslintProject(config: string): string {
  const root = project({ 'eslint.config.mjs': config, 'src/index.js': code });
  mkdirSync(path.join(root, 'node_modules'));
  symlinkSync(path.join(repoRoot, 'node_modules', 'eslint'), path.join(root, 'node_modules', 'eslint'), 'dir');
  return root;
}

describe("the project's ESLint decides when it checks Markdown file names", () => {
  it('a kebab-case filename rule on Markdown accepts only kebab-case pages, and names the rule', async () => {
    const root = eslintProject(kebabLintConfig);
    const linter = await detectLinter(root, { devDependencies: { eslint: '^9.0.0' } });
    expect(await namingsTheLinterAccepts(root, linter, 'docs/runbooks')).toEqual({ names: ['kebab-case'], rejectedBy: ['local/filename-case'] });
  });

  it('an ESLint that does not lint Markdown has no say', async () => {
    const root = eslintProject("export default [{ rules: { 'no-undef': 'error' } }];\n");
    const linter = await detectLinter(root, { devDependencies: { eslint: '^9.0.0' } });
    expect(await namingsTheLinterAccepts(root, linter, 'docs/runbooks')).toBeUndefined();
  });

  it("the project's files choose among what the linter accepts, and never against it", () => {
    expect(chooseRunbookNames(undefined, undefined)).toBe('CODE');
    expect(chooseRunbookNames(undefined, 'snake_case')).toBe('snake_case');
    expect(chooseRunbookNames(['kebab-case', 'snake_case'], 'snake_case')).toBe('snake_case');
    expect(chooseRunbookNames(['kebab-case'], 'CODE')).toBe('kebab-case');
    expect(chooseRunbookNames(['CODE', 'PascalCase'], undefined)).toBe('CODE');
  });
});
