import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inferCodeStyle, styleOfSources } from '../../cli/project/code-style.js';
import { detectLinter } from '../../cli/project/linter.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'faultline-style-'));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const standardStyle = `'use strict'

const { readFile } = require('node:fs/promises')
const path = require('node:path')

async function load (name) {
  const text = await readFile(path.join(__dirname, name), 'utf8')
  return parse(text, {
    strict: true,
    name
  })
}

module.exports = { load }
`;

const prettierDefaultStyle = `import { readFile } from "node:fs/promises";
import path from "node:path";

export async function load(name: string): Promise<unknown> {
  const text = await readFile(path.join(import.meta.dirname, name), "utf8");
  return parse(text, {
    strict: true,
    name,
  });
}

export const names = ["a", "b"].map((value) => value.trim());
`;

const tabsAndTightBraces = `import {readFile} from 'node:fs/promises';
import {join} from 'node:path';

export async function load(name) {
\tconst text = await readFile(join('.', name), 'utf8');
\treturn text.split('\\n').map(line => line.trim());
}
`;

describe('the style of a project\'s own files', () => {
  it('reads standard style: no semicolons, single quotes, no trailing commas, two spaces', () => {
    expect(styleOfSources([standardStyle, standardStyle])).toMatchObject({ semi: false, singleQuote: true, trailingComma: 'none', tabWidth: 2, useTabs: false });
  });

  it('reads prettier defaults: semicolons, double quotes, trailing commas', () => {
    expect(styleOfSources([prettierDefaultStyle, prettierDefaultStyle])).toMatchObject({ semi: true, singleQuote: false, trailingComma: 'all', tabWidth: 2, arrowParens: 'always' });
  });

  it('reads tabs, braces without spaces and bare arrow parameters', () => {
    expect(styleOfSources([tabsAndTightBraces, tabsAndTightBraces])).toMatchObject({ useTabs: true, bracketSpacing: false, singleQuote: true, semi: true, arrowParens: 'avoid' });
  });

  it('reads four-space indentation', () => {
    const text = 'export function triple(n: number): number {\n    if (n > 1) {\n        return n * 3;\n    }\n    return n;\n}\n';
    expect(styleOfSources([text, text]).tabWidth).toBe(4);
  });

  it('decides nothing from too little evidence, and ignores comments', () => {
    expect(styleOfSources(['// "quoted"; "more"; "again";\nexport {}\n'])).toEqual({});
  });

  it('samples the project and leaves the generated kit out of the vote', async () => {
    const root = project({
      'lib/a.js': standardStyle,
      'lib/b.js': standardStyle,
      'lib/errors/x.js': prettierDefaultStyle.repeat(5),
      'node_modules/dep/index.js': prettierDefaultStyle.repeat(5),
    });
    expect(await inferCodeStyle(root, ['lib/errors/**'])).toMatchObject({ semi: false, singleQuote: true });
  });
});

describe('the project\'s linter', () => {
  it('knows standard\'s style even when standard is not installed', async () => {
    const linter = await detectLinter(project({}), { devDependencies: { standard: '^17.1.0', mocha: '^11.0.0' } });
    expect(linter).toMatchObject({ kind: 'standard', installed: false, style: { semi: false, singleQuote: true, trailingComma: 'none' } });
  });

  it('finds ESLint from a flat config file, and gts as ESLint', async () => {
    expect(await detectLinter(project({ 'eslint.config.js': 'export default [];\n' }), {})).toMatchObject({ kind: 'eslint', style: {} });
    expect(await detectLinter(project({}), { devDependencies: { gts: '^6.0.0' } })).toMatchObject({ kind: 'eslint' });
  });

  it('turns biome.json formatter settings into prettier options, with biome\'s defaults', async () => {
    const root = project({ 'biome.json': JSON.stringify({ formatter: { indentStyle: 'space', indentWidth: 4 }, javascript: { formatter: { quoteStyle: 'single', semicolons: 'asNeeded' } } }) });
    expect((await detectLinter(root, { devDependencies: { '@biomejs/biome': '^2.0.0' } }))?.style).toMatchObject({ useTabs: false, tabWidth: 4, singleQuote: true, semi: false });
    expect((await detectLinter(project({}), { devDependencies: { '@biomejs/biome': '^2.0.0' } }))?.style).toMatchObject({ useTabs: true, singleQuote: false, semi: true });
  });

  it('is absent from a project without one', async () => {
    expect(await detectLinter(project({}), { devDependencies: { vitest: '^4.0.0' } })).toBeNull();
  });
});
