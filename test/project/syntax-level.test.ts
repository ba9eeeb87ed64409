import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KIT_NODE_FLOOR, kitNodeFloor, nodeFloorNote } from '../../cli/generate/kit-plan.js';
import type { CatalogTarget } from '../../cli/catalog/model.js';
import { detectLinter } from '../../cli/project/linter.js';
import { detectSyntaxLevel, syntaxLevelNotes, type SyntaxLevel } from '../../cli/project/syntax-level.js';
import { tempDir, writeTree } from '../support/cli.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project written fresh, its linter declared but not installed, as before `npm install`. */
async function levelOf(files: Record<string, string>, runtimeFloor = KIT_NODE_FLOOR): Promise<SyntaxLevel> {
  const root = tempDir('syntax-level');
  roots.push(root);
  mkdirSync(path.join(root, '.git'));
  writeTree(root, files);
  const packageJson = JSON.parse(files['package.json'] ?? '{}') as Record<string, unknown>;
  const linter = await detectLinter(root, packageJson);
  return detectSyntaxLevel(root, packageJson, linter, path.join(root, 'lib/errors/index.js'), runtimeFloor);
}

const manifest = (fields: Record<string, unknown>) => JSON.stringify({ name: 'fixture', version: '1.0.0', ...fields });

describe('the edition the JavaScript kit is written in', () => {
  it('is ES2019 under standard 14, whose ESLint 6 parses no `?.`, `??` or class fields', async () => {
    const level = await levelOf({ 'package.json': manifest({ devDependencies: { standard: '^14.3.3' } }), 'index.js': "'use strict'\n" });
    expect(level.ecmaVersion).toBe(2019);
    expect(level.linter?.reason).toMatch(/standard 14\.3\.3 \(ESLint 6\.0\.0\) parses up to ES2019/);
  });

  it('is what an ESLint 3 configuration asks for: ecmaVersion 2017', async () => {
    const level = await levelOf({
      'package.json': manifest({ devDependencies: { eslint: '^3.19.0' } }),
      '.eslintrc.json': JSON.stringify({ root: true, parserOptions: { ecmaVersion: 2017 }, env: { node: true } }),
    });
    expect(level.ecmaVersion).toBe(2017);
  });

  it('follows the configuration when it asks for less than the ESLint version parses (ecmaVersion 8 under ESLint 5)', async () => {
    const level = await levelOf({
      'package.json': manifest({ devDependencies: { eslint: '^5.16.0' } }),
      '.eslintrc': JSON.stringify({ parserOptions: { ecmaVersion: 8 } }),
    });
    expect(level.ecmaVersion).toBe(2017);
    expect(level.linter?.reason).toMatch(/configuration parses ES2017/);
  });

  it('is ES2019 for a library whose engines admit Node 10, whatever its linter', async () => {
    const level = await levelOf({ 'package.json': manifest({ engines: { node: '>= 10.16.0' }, devDependencies: { eslint: '^9.0.0' } }) }, '0.0.0');
    expect(level.ecmaVersion).toBe(2019);
    expect(level.engines).toEqual({ ecmaVersion: 2019, range: '>= 10.16.0' });
    expect(level.linter).toBeUndefined();
  });

  it('is not lowered for a service below the Node its kit needs anyway: init names that floor instead', async () => {
    const level = await levelOf({ 'package.json': manifest({ engines: { node: '>=10' } }) });
    expect(level.ecmaVersion).toBe(2022);
    const service = { profile: 'service' } as CatalogTarget;
    expect(nodeFloorNote('>=10', kitNodeFloor(service))).toMatch(/needs Node 16\.14\.0/);
  });

  it('never goes below ES2017, and says what the linter must read', async () => {
    const level = await levelOf({
      'package.json': manifest({ engines: { node: '>= 0.8.0' }, devDependencies: { eslint: '^3.0.0' } }),
      '.eslintrc.json': JSON.stringify({ env: { es6: true } }),
    }, '0.0.0');
    expect(level.ecmaVersion).toBe(2017);
    const notes = syntaxLevelNotes(level);
    expect(notes[0]).toMatch(/written in ES2017 syntax: the ESLint 3\.0\.0 configuration parses ES2015, and engines\.node >= 0\.8\.0/);
    expect(notes[1]).toMatch(/set its ecmaVersion to 2017 or later/);
    const library = { profile: 'library', ecmaVersion: 2017 } as CatalogTarget;
    expect(nodeFloorNote('>= 0.8.0', kitNodeFloor(library))).toMatch(/needs Node 8\.0\.0 or later/);
  });

  it('stays modern under a parser that reads every edition, whatever ecmaVersion says', async () => {
    const level = await levelOf({
      'package.json': manifest({ devDependencies: { eslint: '^8.0.0', '@babel/eslint-parser': '^7.0.0' } }),
      '.eslintrc.json': JSON.stringify({ parser: '@babel/eslint-parser', parserOptions: { ecmaVersion: 2017 } }),
    });
    expect(level.ecmaVersion).toBe(2022);
    expect(syntaxLevelNotes(level)).toEqual([]);
  });

  it('reads nothing into a configuration that only extends a shared one it cannot see without the linter', async () => {
    const level = await levelOf({ 'package.json': manifest({ eslintConfig: { extends: 'standard', env: { node: true } }, devDependencies: { eslint: '^8.0.0' } }) });
    expect(level.ecmaVersion).toBe(2022);
  });

  it('is ES2021 under semistandard 16, whose ESLint 7 parses no class fields', async () => {
    const level = await levelOf({ 'package.json': manifest({ devDependencies: { semistandard: '^16.0.0' } }) });
    expect(level.ecmaVersion).toBe(2021);
  });

  it('stays modern for a project with a current ESLint and no engines', async () => {
    const level = await levelOf({ 'package.json': manifest({ devDependencies: { eslint: '^9.0.0' } }) });
    expect(level).toEqual({ ecmaVersion: 2022 });
  });
});
