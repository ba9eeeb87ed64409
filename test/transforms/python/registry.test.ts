import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPythonRules } from '../../../transforms/python/registry.js';
import { allTransforms } from '../../../transforms/javascript/registry.js';
import { auditRules } from '../../../transforms/javascript/rules/registry.js';
import type { Listing } from '../../../cli/listing.js';
import { faultline, repoRoot } from '../../support/cli.js';

describe('Python rules', () => {
  it('each have a docs page under docs/rules/python that names every equivalent code and says whether migrate fixes it', () => {
    for (const rule of allPythonRules) {
      const { id, docs, equivalents } = rule.meta;
      expect(docs).toBe(`docs/rules/python/${id}.md`);
      const page = path.join(repoRoot, docs);
      expect(existsSync(page), docs).toBe(true);
      const text = readFileSync(page, 'utf8');
      for (const code of equivalents) expect(text, `${docs} names ${code}`).toContain(code);
      expect(text).toMatch(rule.fix === undefined ? /Fixed by `migrate` \| no|Fixed by `migrate` \| not yet/ : /Fixed by `migrate` \| yes/);
    }
  });

  it('have ids no JavaScript transform or rule uses, so --transform and the catalog name one thing', () => {
    const javaScript = new Set([...allTransforms, ...auditRules].map((module) => module.meta.id));
    for (const rule of allPythonRules) expect(javaScript.has(rule.meta.id), rule.meta.id).toBe(false);
    expect(new Set(allPythonRules.map((rule) => rule.meta.id)).size).toBe(allPythonRules.length);
  });

  it('are all listed on the Python page', () => {
    const page = readFileSync(path.join(repoRoot, 'docs/python.md'), 'utf8');
    for (const rule of allPythonRules) expect(page).toContain(`rules/python/${rule.meta.id}.md`);
  });
});

describe('faultline list', () => {
  it('lists the Python rules with whether migrate fixes them and their Ruff codes', () => {
    const result = faultline(['list', '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Listing;
    expect(printed.python.map((rule) => [rule.id, rule.fixable, rule.docs])).toEqual(allPythonRules.map((rule) => [rule.meta.id, rule.fix !== undefined, rule.meta.docs]));
    expect(printed.python.find((rule) => rule.id === 'raise-without-from')?.equivalents).toEqual(['B904', 'W0707']);
    const text = faultline(['list']).stdout;
    expect(text.indexOf('Python rules')).toBeGreaterThan(text.indexOf('Audit-only rules'));
    expect(text).toContain('B904, W0707');
  });
});
