import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../transforms/shared/apply-edits.js';

describe('applyEdits', () => {
  it('applies edits given in any order at their original offsets', () => {
    const source = 'const a = 1;\nconst b = 2;\n';
    const edits = [
      { start: 19, end: 20, text: 'B' },
      { start: 6, end: 7, text: 'alpha' },
      { start: source.length, end: source.length, text: 'done();\n' },
    ];
    expect(applyEdits(source, edits)).toBe('const alpha = 1;\nconst B = 2;\ndone();\n');
  });

  it('keeps insertions at one offset in the order given, before a replacement starting there', () => {
    expect(
      applyEdits('abc', [
        { start: 1, end: 2, text: 'B' },
        { start: 1, end: 1, text: '1' },
        { start: 1, end: 1, text: '2' },
      ]),
    ).toBe('a12Bc');
  });

  it('returns the source itself when there is nothing to do', () => {
    expect(applyEdits('x', [])).toBe('x');
  });

  it('refuses overlapping edits', () => {
    expect(() => applyEdits('abcdef', [{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }])).toThrow(/overlap/);
  });

  it('refuses edits outside the source', () => {
    expect(() => applyEdits('abc', [{ start: 2, end: 9, text: '' }])).toThrow(/outside/);
    expect(() => applyEdits('abc', [{ start: 2, end: 1, text: '' }])).toThrow(/outside/);
  });
});
