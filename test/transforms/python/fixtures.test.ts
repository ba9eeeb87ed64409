import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { transformPythonSource } from '../../../cli/migrate/python/file.js';
import type { PythonKit } from '../../../transforms/python/lib/kit.js';
import { loadPythonParser } from '../../../transforms/python/lib/parser.js';
import { allPythonRules } from '../../../transforms/python/registry.js';
import { PYTHON_FIXTURES_ROOT, fixtureCases } from '../../support/fixtures.js';
import { pythonSyntaxErrors } from './compile.js';

const fixable = allPythonRules.filter((rule) => rule.fix !== undefined);

beforeAll(async () => {
  await loadPythonParser();
});

/**
 * Fixtures run as files of a project whose kit is `app.errors` under `src/`, at
 * `src/app/services/<case>.py`; a `kit.json` beside them changes the profile, the project's import
 * style, the file's place (`file`, from the project root) or the catalog's mappings.
 */
const PROJECT = path.join(path.sep, 'project');

function fixtureKit(inputPath: string): { kit: PythonKit; filePath: string } {
  const kit: PythonKit = { importRoot: path.join(PROJECT, 'src'), module: 'app.errors', firstParty: ['app'], style: 'absolute', profile: 'service', errorClasses: ['NotFoundError', 'ValidationError', 'ConflictError'], mappings: [] };
  const settingsPath = path.join(path.dirname(inputPath), 'kit.json');
  const settings = existsSync(settingsPath) ? (JSON.parse(readFileSync(settingsPath, 'utf8')) as Partial<PythonKit> & { file?: string }) : {};
  const base = path.basename(inputPath).replace(/\.input\.py$/, '').replace(/[^A-Za-z0-9_]/g, '_');
  const filePath = path.join(PROJECT, ...(settings.file ?? `src/app/services/${base}.py`).split('/'));
  delete settings.file;
  return { kit: { ...kit, ...settings }, filePath };
}

function run(ruleId: string, source: string, inputPath: string): { text: string; fixed: number; fixableLeft: number } {
  const rule = allPythonRules.find((candidate) => candidate.meta.id === ruleId);
  if (rule === undefined) throw new Error(`no rule ${ruleId}`);
  const { kit, filePath } = fixtureKit(inputPath);
  const outcome = transformPythonSource({ source, filePath, rules: [rule], kit });
  if (outcome.kind === 'failed') throw new Error(outcome.message);
  const text = outcome.kind === 'changed' ? outcome.text : source;
  return { text, fixed: outcome.sites.filter((site) => site.fixed).length, fixableLeft: outcome.sites.filter((site) => site.finding.fixable && !site.fixed).length };
}

for (const rule of fixable) {
  const id = rule.meta.id;
  const cases = fixtureCases(id, PYTHON_FIXTURES_ROOT);

  describe(`${id} fixtures`, () => {
    it('has at least as many cases that stay unchanged as that change, and CRLF and tab cases', () => {
      const changing = cases.filter((fixture) => fixture.changes).length;
      expect(changing).toBeGreaterThan(0);
      expect(cases.length - changing).toBeGreaterThanOrEqual(changing);
      expect(cases.some((fixture) => fixture.name.includes('crlf'))).toBe(true);
    });

    it.each(cases.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
      const input = readFileSync(fixture.inputPath, 'utf8');
      const expected = readFileSync(fixture.expectedPath, 'utf8');
      const first = run(id, input, fixture.inputPath);
      expect(first.text).toBe(expected);
      if (fixture.changes) expect(first.fixed).toBeGreaterThan(0);
      const second = run(id, first.text, fixture.inputPath);
      expect(second.text).toBe(first.text);
      expect(second.fixableLeft).toBe(0);
    });

    it('gives output that Python itself compiles, from input it compiles', () => {
      const texts: Record<string, string> = {};
      for (const fixture of cases) {
        texts[`${fixture.name}.input`] = readFileSync(fixture.inputPath, 'utf8');
        texts[`${fixture.name}.output`] = run(id, readFileSync(fixture.inputPath, 'utf8'), fixture.inputPath).text;
      }
      expect(pythonSyntaxErrors(texts)).toEqual({});
    });
  });
}

describe('Python fixture line endings', () => {
  it('keeps CRLF fixtures CRLF throughout', () => {
    const crlf = fixable.flatMap((rule) => fixtureCases(rule.meta.id, PYTHON_FIXTURES_ROOT)).filter((fixture) => fixture.name.includes('crlf'));
    expect(crlf.length).toBeGreaterThanOrEqual(2);
    for (const fixture of crlf) {
      for (const file of [fixture.inputPath, fixture.expectedPath]) {
        const text = readFileSync(file, 'utf8');
        expect(/(^|[^\r])\n/.test(text), `${file} has a bare LF`).toBe(false);
      }
    }
  });
});
