import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPythonRules } from '../../transforms/python/registry.js';
import { allTransforms } from '../../transforms/registry.js';
import { auditRules } from '../../transforms/rules/registry.js';
import { repoRoot } from '../support/cli.js';

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
