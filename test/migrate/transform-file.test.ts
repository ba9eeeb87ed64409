import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { overlaps, transformSource } from '../../cli/migrate/transform-file.js';
import type { KitLocation, TransformModule } from '../../transforms/types.js';
import { breakSyntax, commentEmptyCatch, crashInDetect, reportEmptyCatch, wrapThrownString } from './helpers.js';

const root = '/project';
const kit: KitLocation = { kitDir: path.join(root, 'src/errors'), importSuffix: '.js', language: 'typescript', errorClasses: [], mappings: [] };
const file = path.join(root, 'src/service.ts');

function run(source: string, transforms: TransformModule[], filePath = file) {
  return transformSource({ source, filePath, transforms, kit });
}

describe('transformSource', () => {
  it('does not parse a file no transform can match', () => {
    // Unparsable on purpose: a pre-filtered file must never reach the parser.
    expect(run('const = ;', [reportEmptyCatch, wrapThrownString])).toEqual({ kind: 'unchanged', prefiltered: true, sites: [] });
  });

  it('applies every transform on one parse, adds the kit import once, and keeps untouched code byte for byte', () => {
    const source = [
      "import { db } from './db.js';",
      '',
      '// keep   this   spacing',
      'export async function a() {',
      '  try { db.read(); } catch (e) {}',
      "  try { db.write(); } catch (err) {}",
      "  if (!await db.ok()) throw 'broken';",
      '}',
      '',
    ].join('\n');
    const outcome = run(source, [reportEmptyCatch, wrapThrownString]);
    expect(outcome.kind).toBe('changed');
    if (outcome.kind !== 'changed') return;
    expect(outcome.text).toBe(
      [
        "import { db } from './db.js';",
        "import { reportError } from './errors/index.js';",
        '',
        '// keep   this   spacing',
        'export async function a() {',
        '  try { db.read(); } catch (e) {',
        '  reportError(e);',
        '}',
        '  try { db.write(); } catch (err) {',
        '  reportError(err);',
        '}',
        "  if (!await db.ok()) throw new Error('broken');",
        '}',
        '',
      ].join('\n'),
    );
    expect(outcome.transforms).toEqual(['report-empty-catch', 'wrap-thrown-string']);
    expect(outcome.sites.map((site) => [site.transform, site.fixed])).toEqual([
      ['report-empty-catch', true],
      ['report-empty-catch', true],
      ['wrap-thrown-string', true],
    ]);
  });

  it('writes inserted code with the file’s CRLF line endings', () => {
    const source = 'try {\r\n  work();\r\n} catch (e) {}\r\n';
    const outcome = run(source, [reportEmptyCatch], path.join(root, 'src/a.js'));
    if (outcome.kind !== 'changed') throw new Error(`expected a change, got ${outcome.kind}`);
    expect(outcome.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(outcome.text).toContain('} catch (e) {\r\n  reportError(e);\r\n}\r\n');
  });

  it('reports sites it leaves alone with their reason and position', () => {
    const source = 'try { a(); } catch (e) {\n  // expected: a() may fail\n}\n';
    const outcome = run(source, [reportEmptyCatch]);
    expect(outcome).toMatchObject({ kind: 'unchanged', prefiltered: false });
    if (outcome.kind !== 'unchanged') return;
    expect(outcome.sites).toHaveLength(1);
    expect(outcome.sites[0]).toMatchObject({ fixed: false, reason: 'a comment explains the empty catch', finding: { line: 1, column: 14 } });
  });

  it('defers a transform whose edits overlap an earlier one to a second pass on the new text', () => {
    const source = 'try { a(); } catch (e) {}\ntry { b(); } catch {}\n';
    const outcome = run(source, [reportEmptyCatch, commentEmptyCatch]);
    if (outcome.kind !== 'changed') throw new Error(`expected a change, got ${outcome.kind}`);
    // The second transform found nothing left to do after the first; it must not leave its `logger` import behind.
    expect(outcome.text).not.toContain('logger');
    expect(outcome.text.match(/import \{ reportError \}/g)).toHaveLength(1);
    expect(outcome.transforms).toEqual(['report-empty-catch']);
  });

  it('applies the deferred transform in the next pass when it still has work', () => {
    const source = 'try { a(); } catch (e) {}\n';
    // Reversed order: the logger fix wins the first pass and the report fix then finds a non-empty catch.
    const outcome = run(source, [commentEmptyCatch, reportEmptyCatch]);
    if (outcome.kind !== 'changed') throw new Error(`expected a change, got ${outcome.kind}`);
    expect(outcome.text).toBe("import { logger } from './errors/index.js';\n\ntry { a(); } catch (e) { logger.debug('ignored'); }\n");
  });

  it('never returns code that does not parse', () => {
    const outcome = run("throw 'x';\n", [breakSyntax]);
    expect(outcome.kind).toBe('failed');
    if (outcome.kind !== 'failed') return;
    expect(outcome.message).toMatch(/^the code break-syntax produced would not parse \(.*\); file left untouched$/);
  });

  it('reports a file that does not parse with its position', () => {
    expect(run('try { a( } catch (e) {}\n', [reportEmptyCatch])).toMatchObject({ kind: 'failed', line: 1, column: 10 });
  });

  it('turns a transform that throws into a failure of that file only', () => {
    expect(run('crash-me()', [crashInDetect])).toEqual({
      kind: 'failed',
      line: null,
      column: null,
      message: 'crash-in-detect failed in detect: boom; file left untouched',
    });
  });
});

describe('overlaps', () => {
  it('treats touching ranges and boundary insertions as separate, and insertions inside a range as overlapping', () => {
    expect(overlaps([{ start: 0, end: 5, text: '' }], [{ start: 5, end: 9, text: '' }])).toBe(false);
    expect(overlaps([{ start: 0, end: 5, text: '' }], [{ start: 0, end: 0, text: 'x' }])).toBe(false);
    expect(overlaps([{ start: 0, end: 5, text: '' }], [{ start: 3, end: 3, text: 'x' }])).toBe(true);
    expect(overlaps([{ start: 0, end: 5, text: '' }], [{ start: 4, end: 9, text: '' }])).toBe(true);
  });
});
