import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { faultline, writeTree } from '../support/cli.js';
import { checkJson, expectCheckPasses, initializedProject, read, snapshot } from './helpers.js';

/**
 * A prettier for the project's node_modules that is faultline's own, counting what it formats:
 * faultline formats with the project's installed prettier, so this shows, without timing
 * anything, which files a command sent through the formatter.
 */
function countingPrettier(): Record<string, string> {
  const real = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('prettier/package.json')), 'index.mjs')).href;
  return {
    'node_modules/prettier/package.json': JSON.stringify({ name: 'prettier', version: '3.0.0-counting', type: 'module', exports: './index.js' }),
    'node_modules/prettier/index.js': [
      `import { appendFileSync } from 'node:fs';`,
      `import * as real from ${JSON.stringify(real)};`,
      `export const version = real.version;`,
      `export const resolveConfig = real.resolveConfig;`,
      `export const resolveConfigFile = real.resolveConfigFile;`,
      `export async function format(text, options) {`,
      `  appendFileSync(new URL('./formatted.log', import.meta.url), options.filepath + '\\n');`,
      `  return real.format(text, options);`,
      `}`,
    ].join('\n'),
  };
}

/** The files formatted since the last call, relative to the project. */
function formattedSince(dir: string): string[] {
  const log = path.join(dir, 'node_modules/prettier/formatted.log');
  if (!existsSync(log)) return [];
  const files = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((file) => path.relative(dir, file).split(path.sep).join('/'));
  rmSync(log);
  return files.sort();
}

const DIGEST_LINE = /^\/\/ faultline digest: [0-9a-f]{16} [0-9a-f]{16}$/m;

describe('formatted generated files carry a digest, so an unchanged project is not formatted again', () => {
  it('sync and check format nothing when every file is what the catalog produces, and sync writes nothing', () => {
    const dir = initializedProject('digest-steady', { 'package.json': '{ "name": "steady", "type": "module" }\n', ...countingPrettier() });
    const formattedByInit = formattedSince(dir);
    expect(formattedByInit).toContain('errors/catalog.js');
    expect(read(dir, 'errors/catalog.js').split('\n')[1]).toMatch(DIGEST_LINE);

    const before = snapshot(dir);
    const mtime = statSync(path.join(dir, 'errors/catalog.js')).mtimeMs;
    const sync = faultline(['sync'], { cwd: dir });
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/nothing to change/);
    expectCheckPasses(dir);
    expect(formattedSince(dir)).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
    expect(statSync(path.join(dir, 'errors/catalog.js')).mtimeMs).toBe(mtime);
  });

  it('a hand edit is still found by check and undone by sync, which formats only that file', () => {
    const dir = initializedProject('digest-edit', { 'package.json': '{ "name": "edited", "type": "module" }\n', ...countingPrettier() });
    formattedSince(dir);
    const pristine = read(dir, 'errors/catalog.js');
    // The digest line stays as it was: only the body changes.
    writeFileSync(path.join(dir, 'errors/catalog.js'), pristine.replace("'NOT_FOUND'", "'NOT_FOUND_X'").replace('"NOT_FOUND"', '"NOT_FOUND_X"'));

    const { code, report } = checkJson(dir);
    expect(code).toBe(1);
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'drift', file: 'errors/catalog.js' })]);
    expect(formattedSince(dir)).toEqual(['errors/catalog.js']);

    const sync = faultline(['sync'], { cwd: dir });
    expect(sync.stdout).toMatch(/update\s+errors\/catalog\.js/);
    expect(read(dir, 'errors/catalog.js')).toBe(pristine);
    expect(formattedSince(dir)).toEqual(['errors/catalog.js']);
    expectCheckPasses(dir);
  });

  it('a changed catalog or style is not vouched for by the old digest', () => {
    const dir = initializedProject('digest-stale', { 'package.json': '{ "name": "stale", "type": "module" }\n', ...countingPrettier() });
    formattedSince(dir);
    const catalogPath = path.join(dir, 'faultline.catalog.json');
    const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as { errors: Array<{ code: string; status: number }> };
    catalog.errors.find((entry) => entry.code === 'CONFLICT')!.status = 422;
    writeFileSync(catalogPath, JSON.stringify(catalog, null, 2) + '\n');
    expect(checkJson(dir).report.findings.map((finding) => `${finding.kind} ${finding.file}`)).toContain('drift errors/catalog.js');
    expect(faultline(['sync'], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'errors/catalog.js')).toContain('status: 422,');
    expectCheckPasses(dir);

    // A prettier configuration written after init changes how every code file must look.
    formattedSince(dir);
    writeTree(dir, { '.prettierrc.json': '{ "semi": false }\n' });
    const { code, report } = checkJson(dir);
    expect(code).toBe(1);
    expect(report.findings.map((finding) => `${finding.kind} ${finding.file}`)).toContain('drift errors/catalog.js');
    expect(faultline(['sync'], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'errors/catalog.js')).not.toMatch(/;\n/);
    expectCheckPasses(dir);
  });

  it('a file generated before digests, or whose digest line was removed, passes check and gets its digest back from sync', () => {
    const dir = initializedProject('digest-missing', { 'package.json': '{ "name": "older", "type": "module" }\n' });
    const pristine = read(dir, 'errors/app-error.js');
    const lines = pristine.split('\n');
    expect(lines[1]).toMatch(DIGEST_LINE);
    writeFileSync(path.join(dir, 'errors/app-error.js'), [lines[0], ...lines.slice(2)].join('\n'));

    expectCheckPasses(dir);
    const sync = faultline(['sync'], { cwd: dir });
    expect(sync.stdout).toMatch(/update\s+errors\/app-error\.js/);
    expect(read(dir, 'errors/app-error.js')).toBe(pristine);
  });

  it('files the user owns and unformatted files (Python, Markdown without a prettier config) carry no digest', () => {
    const dir = initializedProject('digest-owned', { 'package.json': '{ "name": "owned", "type": "module" }\n' });
    expect(read(dir, 'errors/handler.js')).not.toMatch(/faultline digest/);
    expect(read(dir, 'docs/errors.md')).not.toMatch(/faultline digest/);
    expect(read(dir, 'docs/runbooks/NOT_FOUND.md')).not.toMatch(/faultline digest/);

    const python = initializedProject('digest-python', { 'pyproject.toml': '[project]\nname = "svc"\nversion = "0.1.0"\n' }, ['--language', 'python']);
    const generated = Object.entries(snapshot(python)).filter(([file]) => file.endsWith('.py') || file.endsWith('.md'));
    expect(generated.length).toBeGreaterThan(10);
    for (const [file, content] of generated) expect(content, file).not.toMatch(/faultline digest/);
  });

  it("with a prettier config, runbook pages carry the digest in their block: the team's text is theirs, the block is checked", () => {
    const dir = initializedProject('digest-runbooks', {
      'package.json': '{ "name": "pages", "type": "module" }\n',
      '.prettierrc.json': '{ "proseWrap": "always" }\n',
      ...countingPrettier(),
    });
    formattedSince(dir);
    const page = 'docs/runbooks/NOT_FOUND.md';
    const original = read(dir, page);
    expect(original).toMatch(/<!-- faultline:generated:start -->\n<!-- Generated by faultline[^\n]*-->\n<!-- faultline digest: [0-9a-f]{16} [0-9a-f]{16} -->\n/);

    const teamText = '\n## Known causes\n\nThe mobile app caches deleted records for an hour.\n';
    writeFileSync(path.join(dir, page), original + teamText);
    expectCheckPasses(dir);
    expect(faultline(['sync'], { cwd: dir }).stdout).toMatch(/nothing to change/);
    expect(formattedSince(dir)).toEqual([]);

    writeFileSync(path.join(dir, page), (original + teamText).replace('**HTTP status:** 404', '**HTTP status:** 410'));
    const { code, report } = checkJson(dir);
    expect(code).toBe(1);
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'runbook-block', file: page })]);
    expect(faultline(['sync'], { cwd: dir }).code).toBe(0);
    expect(read(dir, page)).toBe(original + teamText);
    expect(formattedSince(dir)).toContain(page);
  });
});
