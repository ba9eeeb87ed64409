/**
 * Text edits at source ranges, applied in one pass. Converters edit the original text
 * instead of reprinting an AST so that everything they do not touch keeps its exact
 * formatting, comments and blank lines.
 */
interface Edit {
  start: number;
  end: number;
  text: string;
  /** Creation order: keeps insertions at one position in the order they were asked for. */
  order: number;
}

export class SourceEdits {
  readonly #source: string;
  readonly #edits: Edit[] = [];

  constructor(source: string) {
    this.#source = source;
  }

  replace(start: number, end: number, text: string): void {
    if (start < 0 || end > this.#source.length || start > end) {
      throw new RangeError(`Edit range ${start}..${end} is outside the source`);
    }
    this.#edits.push({ start, end, text, order: this.#edits.length });
  }

  insert(position: number, text: string): void {
    this.replace(position, position, text);
  }

  remove(start: number, end: number): void {
    this.replace(start, end, '');
  }

  /**
   * Removes a range and, when it is the only thing on its lines, the lines themselves,
   * so deleted statements do not leave empty lines behind.
   */
  removeLines(start: number, end: number): void {
    const source = this.#source;
    let lineStart = start;
    while (lineStart > 0 && (source[lineStart - 1] === ' ' || source[lineStart - 1] === '\t')) lineStart--;
    let lineEnd = end;
    while (lineEnd < source.length && (source[lineEnd] === ' ' || source[lineEnd] === '\t')) lineEnd++;
    const startsLine = lineStart === 0 || source[lineStart - 1] === '\n';
    const endsLine = lineEnd === source.length || source[lineEnd] === '\n' || source[lineEnd] === '\r';
    if (!startsLine || !endsLine) {
      this.remove(start, end);
      return;
    }
    if (source[lineEnd] === '\r') lineEnd++;
    if (source[lineEnd] === '\n') lineEnd++;
    this.remove(lineStart, lineEnd);
  }

  apply(): string {
    const edits = [...this.#edits].sort(
      (a, b) => a.start - b.start || rangeRank(a) - rangeRank(b) || a.order - b.order,
    );
    let output = '';
    let cursor = 0;
    for (const edit of edits) {
      if (edit.start < cursor) {
        throw new Error(
          `Overlapping edits at ${edit.start}..${edit.end}: ${JSON.stringify(this.#source.slice(edit.start, edit.end))}`,
        );
      }
      output += this.#source.slice(cursor, edit.start) + edit.text;
      cursor = edit.end;
    }
    return output + this.#source.slice(cursor);
  }
}

/** Pure insertions at a position go before a replacement that starts there. */
function rangeRank(edit: Edit): number {
  return edit.start === edit.end ? 0 : 1;
}
