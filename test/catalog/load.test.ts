import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/errors.js';
import { CATALOG_FILE, findCatalog, loadCatalog, parseCatalog } from '../../cli/catalog/load.js';
import { serializeCatalog } from '../../cli/catalog/serialize.js';
import { defaultCatalog, positionOf } from './fixtures.js';

const FILE = 'faultline.catalog.json';
const validText = serializeCatalog(defaultCatalog());

function problemsOf(text: string): string[] {
  try {
    parseCatalog(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message.split('\n');
  }
  throw new Error('expected the catalog to be rejected');
}

describe('parseCatalog', () => {
  it('accepts the default catalog and returns it unchanged', () => {
    expect(parseCatalog(validText, FILE)).toEqual(defaultCatalog());
  });

  it('fills in missing mappings as an empty list', () => {
    const { mappings: _mappings, ...withoutMappings } = defaultCatalog();
    expect(parseCatalog(JSON.stringify(withoutMappings), FILE).mappings).toEqual([]);
  });

  it('reports bad JSON with file, line and column', () => {
    const broken = validText.replace('"version": 1,', '"version": 1,,');
    const lines = problemsOf(broken);
    expect(lines[0]).toBe(`${FILE} is not valid JSON — fix it and run again:`);
    expect(lines[1]).toBe(`${FILE}:${positionOf(broken, ',,', 1)}: expected a property name in double quotes, found ","`);
  });

  it.each([
    ['an unterminated document', '{"version": 1', /1:14: expected "," or "}" after the value of "version", found the end of the file/],
    ['a trailing comma', '{"version": 1,}', /1:15: trailing comma before "}" is not allowed in JSON/],
    ['a comment', '{\n  // note\n  "version": 1}', /2:3: comments are not allowed in JSON/],
    ['single quotes', "{'version': 1}", /1:2: expected a property name in double quotes/],
    ['an empty file', '', /1:1: the file is empty/],
  ])('reports %s with its position', (_case, text, expected) => {
    const lines = problemsOf(text);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(expected);
  });

  it('reports a value of the wrong type with its path and the line of the value', () => {
    const broken = validText.replace('"status": 409', '"status": "409"');
    const lines = problemsOf(broken);
    expect(lines[0]).toBe(`${FILE} is not a valid catalog (1 problem) — fix it and run again:`);
    expect(lines[1]).toBe(`${FILE}:${positionOf(broken, '"409"')}: errors[4].status must be an integer between 400 and 599`);
  });

  it('reports every schema problem at once, one line each, in file order', () => {
    const broken = validText
      .replace('"framework": "express"', '"framework": "koa"')
      .replace('"retryable": true', '"retryable": "yes"')
      .replace('"severity": "info"', '"severity": "info", "colour": "red"')
      .replace('"category": "internal"', '"category": "Internal Stuff"');
    const lines = problemsOf(broken);
    expect(lines[0]).toMatch(/\(4 problems\)/);
    expect(lines.slice(1)).toEqual([
      `${FILE}:${positionOf(broken, '"koa"')}: target.framework must be one of: express, fastify, hono, fastapi, flask, none`,
      `${FILE}:${positionOf(broken, '"colour"')}: errors[0].colour is not a known property — remove it (known: name, code, status, category, retryable, severity, message, description, title, runbook)`,
      `${FILE}:${positionOf(broken, '"yes"')}: errors[5].retryable must be true or false`,
      `${FILE}:${positionOf(broken, '"Internal Stuff"')}: errors[8].category must be kebab-case, like not-found`,
    ]);
  });

  it('suggests the property a misspelled name meant', () => {
    const broken = validText.replace('"description": "Input failed', '"descripton": "Input failed');
    const lines = problemsOf(broken);
    expect(lines).toContain(`${FILE}:${positionOf(broken, '"descripton"')}: errors[0].descripton is not a known property — did you mean "description"?`);
    expect(lines).toContain(`${FILE}:${positionOf(broken, '{', 0, 3)}: errors[0] is missing the required property "description"`);
  });

  it('reports a duplicate code at the second place and names the first', () => {
    const broken = validText.replace('"code": "CONFLICT"', '"code": "NOT_FOUND"');
    const lines = problemsOf(broken);
    expect(lines).toEqual([
      `${FILE} is not a valid catalog (1 problem) — fix it and run again:`,
      `${FILE}:${positionOf(broken, '"NOT_FOUND"', 0, 2)}: errors[4].code "NOT_FOUND" is already used by errors[3] — codes must be unique and are never reused (first at ${FILE}:${positionOf(broken, '"NOT_FOUND"')})`,
    ]);
  });

  it('reports a duplicate name at the second place and names the first', () => {
    const broken = validText.replace('"name": "ConflictError"', '"name": "NotFoundError"');
    const lines = problemsOf(broken);
    expect(lines[1]).toBe(
      `${FILE}:${positionOf(broken, '"NotFoundError"', 0, 2)}: errors[4].name "NotFoundError" is already used by errors[3] — names must be unique (first at ${FILE}:${positionOf(broken, '"NotFoundError"')})`,
    );
  });

  it('reports a mapping that names an error the catalog does not have', () => {
    const broken = validText.replace('"error": "ForbiddenError"', '"error": "ForbidenError"').replace('"error": "ConflictError"', '"error": "PaymentDeclinedError"');
    const lines = problemsOf(broken);
    expect(lines.slice(1)).toEqual([
      `${FILE}:${positionOf(broken, '"PaymentDeclinedError"')}: mappings[1].error names "PaymentDeclinedError", which is not an error in this catalog — use the name of one of the errors, or add that error first`,
      `${FILE}:${positionOf(broken, '"ForbidenError"')}: mappings[3].error names "ForbidenError", which is not an error in this catalog — did you mean "ForbiddenError"?`,
    ]);
  });

  it('reports a mapping pattern that is not a regular expression', () => {
    const broken = validText.replace('request timed out', 'request timed(out');
    expect(problemsOf(broken)[1]).toMatch(/^faultline\.catalog\.json:\d+:\d+: mappings\[4\]\.pattern is not a valid regular expression: .*timed\(out/);
  });

  it.each(['<!-- faultline:generated:end -->', '<!-- faultline:generated:start -->'])('refuses catalog text holding the runbook marker %s, at its position', (marker) => {
    const broken = validText.replace('"description": "', `"description": "see ${marker} `);
    const lines = problemsOf(broken);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      `${FILE}:${positionOf(broken, '"see ')}: errors[0].description holds ${marker}, which marks where generated text starts or ends in a runbook page — remove it from the text`,
    );
  });

  it('reports a property given twice in one object', () => {
    const broken = validText.replace('"version": 1,', '"version": 1,\n  "version": 1,');
    expect(problemsOf(broken)[1]).toBe(
      `${FILE}:${positionOf(broken, '"version"', 0, 2)}: version is given twice in one object (first at ${FILE}:${positionOf(broken, '"version"')}) — keep one`,
    );
  });

  it.each([
    ['../outside', 'kitDir'],
    ['/etc/errors', 'kitDir'],
    ['src/../../x', 'runbookDir'],
    ['C:\\errors', 'runbookDir'],
  ])('refuses the path %j for target.%s', (path, field) => {
    const broken = validText.replace(new RegExp(`"${field}": "[^"]*"`), `"${field}": ${JSON.stringify(path)}`);
    expect(problemsOf(broken)[1]).toMatch(new RegExp(`target\\.${field} must be a path relative to the project root`));
  });

  it('reports a catalog that is not an object', () => {
    expect(problemsOf('[]')[1]).toBe(`${FILE}:1:1: the catalog must be a JSON object with version, target and errors`);
  });
});

describe('loading from a project', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-catalog-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('loads the catalog at the project root', () => {
    const root = tempDir();
    writeFileSync(join(root, CATALOG_FILE), validText);
    const { catalog, path } = loadCatalog(root);
    expect(path).toBe(join(root, CATALOG_FILE));
    expect(catalog.errors).toHaveLength(9);
  });

  it('tells the user to run init when there is no catalog', () => {
    const root = tempDir();
    expect(() => loadCatalog(root)).toThrow(new UsageError(`no ${CATALOG_FILE} found in ${root} — run \`faultline init\` first`));
  });

  it('points at a catalog further up instead of silently using it', () => {
    const root = tempDir();
    writeFileSync(join(root, CATALOG_FILE), validText);
    const nested = join(root, 'packages', 'api');
    mkdirSync(nested, { recursive: true });
    expect(() => loadCatalog(nested)).toThrow(`there is one in ${root}: pass --cwd ${root} to use it`);
    expect(findCatalog(nested)).toBe(join(root, CATALOG_FILE));
  });

  it('names the file in problems', () => {
    const root = tempDir();
    writeFileSync(join(root, CATALOG_FILE), '{');
    expect(() => loadCatalog(root)).toThrow(/faultline\.catalog\.json:1:2: /);
  });

  it('finds nothing when no ancestor has a catalog', () => {
    expect(findCatalog(tempDir())).toBeUndefined();
  });
});
