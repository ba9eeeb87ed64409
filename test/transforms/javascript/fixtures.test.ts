import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../transforms/javascript/lib/parse.js';
import { allTransforms } from '../../../transforms/javascript/registry.js';
import { FIXTURES_ROOT, fixtureCases } from '../../support/fixtures.js';
import { kitAt, runTransform } from './run-transform.js';

/** Cases under a `cli-profile/` or `library-profile/` folder run as that kind of project; the rest as a service. */
function kitFor(caseName: string) {
  const profile = /(?:^|\/)(cli|library)-profile\//.exec(caseName)?.[1] as 'cli' | 'library' | undefined;
  return kitAt(FIXTURES_ROOT, profile === undefined ? {} : { profile });
}

for (const transform of allTransforms) {
  const id = transform.meta.id;
  const cases = fixtureCases(id);

  describe(`${id} fixtures`, () => {
    it('has fixtures in JavaScript, TypeScript and TSX, and at least as many that stay unchanged as that change', () => {
      const extensions = new Set(cases.map((fixture) => fixture.extension));
      expect(extensions).toContain('js');
      expect(extensions).toContain('ts');
      expect(extensions).toContain('tsx');
      const changing = cases.filter((fixture) => fixture.changes).length;
      expect(changing).toBeGreaterThan(0);
      expect(cases.length - changing).toBeGreaterThanOrEqual(changing);
    });

    it.each(cases.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
      const input = readFileSync(fixture.inputPath, 'utf8');
      const expected = readFileSync(fixture.expectedPath, 'utf8');
      const kit = kitFor(fixture.name);
      const first = runTransform(transform, input, fixture.inputPath, kit);
      expect(first.output).toBe(expected);
      if (fixture.changes) expect(first.findings.some((finding) => finding.fixable)).toBe(true);

      // The output is still code, and a second run finds nothing left to fix.
      expect(() => parseSource(first.output, fixture.inputPath)).not.toThrow();
      const second = runTransform(transform, first.output, fixture.inputPath, kit);
      expect(second.output).toBe(first.output);
      expect(second.findings.filter((finding) => finding.fixable)).toEqual([]);
    });
  });
}

describe('fixture line endings', () => {
  it('keeps CRLF fixtures CRLF throughout, so the cases test what they claim', () => {
    const crlfCases = allTransforms.flatMap((transform) => fixtureCases(transform.meta.id)).filter((fixture) => fixture.name.includes('crlf'));
    expect(crlfCases.length).toBeGreaterThanOrEqual(4);
    for (const fixture of crlfCases) {
      for (const path of [fixture.inputPath, fixture.expectedPath]) {
        const text = readFileSync(path, 'utf8');
        expect(text.includes('\r\n'), path).toBe(true);
        expect(/(^|[^\r])\n/.test(text), `${path} has a bare LF`).toBe(false);
      }
    }
  });
});
