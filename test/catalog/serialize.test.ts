import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../cli/catalog/load.js';
import { serializeCatalog } from '../../cli/catalog/serialize.js';
import { defaultCatalog } from './fixtures.js';

describe('serializeCatalog', () => {
  it('is stable: parse → serialize → parse → serialize gives identical bytes', () => {
    const first = serializeCatalog(defaultCatalog());
    const second = serializeCatalog(parseCatalog(first, 'a.json'));
    const third = serializeCatalog(parseCatalog(second, 'b.json'));
    expect(second).toBe(first);
    expect(third).toBe(first);
  });

  it('writes 2-space indentation and a trailing newline', () => {
    const text = serializeCatalog(defaultCatalog());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text.split('\n')[1]).toMatch(/^ {2}"\$schema": "https:\/\/unpkg\.com\/faultline@\d+\.\d+\.\d+[^"]*\/schema\/catalog\.schema\.json",$/);
  });

  it('writes keys in a fixed order whatever order they were given in', () => {
    const catalog = defaultCatalog();
    const scrambledText = JSON.stringify({
      mappings: catalog.mappings.map(({ error, flags, pattern, disabled }) => ({ disabled, error, flags, pattern })),
      errors: catalog.errors.map((entry) => Object.fromEntries(Object.entries(entry).reverse())),
      target: Object.fromEntries(Object.entries(catalog.target).reverse()),
      version: 1,
      $schema: catalog.$schema,
    });
    expect(serializeCatalog(parseCatalog(scrambledText, 'x.json'))).toBe(serializeCatalog(catalog));
  });

  it('keeps the order of errors and mappings as the user wrote them', () => {
    const catalog = defaultCatalog();
    catalog.errors.reverse();
    const reparsed = parseCatalog(serializeCatalog(catalog), 'x.json');
    expect(reparsed.errors.map((entry) => entry.code)).toEqual(catalog.errors.map((entry) => entry.code));
  });

  it('writes optional fields only when present, in their place, and sorts audit rules', () => {
    const catalog = defaultCatalog();
    catalog.target.importAlias = '@/errors';
    catalog.errors[0] = { ...catalog.errors[0], runbook: { links: ['https://grafana.example/d/1'], owner: 'payments' }, title: 'Invalid Request' };
    catalog.audit = { maxTryStatements: 12, rules: { 'useless-catch': 'off', 'empty-catch': 'error' } };
    const text = serializeCatalog(catalog);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['$schema', 'version', 'target', 'errors', 'mappings', 'audit']);
    expect(Object.keys((parsed.errors as object[])[0])).toEqual([
      'name', 'code', 'title', 'status', 'category', 'retryable', 'severity', 'message', 'description', 'runbook',
    ]);
    expect(Object.keys((parsed.errors as object[])[1])).not.toContain('title');
    expect(Object.keys((parsed.errors as Array<{ runbook: object }>)[0].runbook)).toEqual(['owner', 'links']);
    expect(Object.keys((parsed.audit as { rules: object }).rules)).toEqual(['empty-catch', 'useless-catch']);
    expect(Object.keys(parsed.target as object).at(-1)).toBe('importAlias');
    expect(serializeCatalog(parseCatalog(text, 'x.json'))).toBe(text);
  });
});
