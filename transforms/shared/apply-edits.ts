import type { TextEdit } from '../types.js';

/**
 * Apply text edits to the original source. Edits are given in original offsets, in any order.
 * Overlapping edits mean two fixes disagree about the same text, so they are refused rather than
 * guessed at. Insertions at the same offset keep their given order; an insertion at the start of a
 * replaced range goes before the replacement.
 */
export function applyEdits(source: string, edits: TextEdit[]): string {
  if (edits.length === 0) return source;
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
    .map(({ edit }) => edit);

  let output = '';
  let cursor = 0;
  for (const edit of ordered) {
    if (edit.start < 0 || edit.end > source.length || edit.start > edit.end) {
      throw new RangeError(`Edit [${edit.start}, ${edit.end}) is outside the source (length ${source.length})`);
    }
    if (edit.start < cursor) {
      throw new RangeError(`Edits overlap at offset ${edit.start}: [${edit.start}, ${edit.end}) starts before ${cursor}`);
    }
    output += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return output + source.slice(cursor);
}
