/**
 * Line and column of a source offset, counted the way @babel/parser counts them (lines split at
 * `\r\n`, `\r`, `\n`, U+2028 and U+2029; 1-based lines, 0-based columns in UTF-16 units), for trees
 * whose parser records only offsets.
 */
export interface Position {
  line: number;
  column: number;
  index: number;
}

const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/g;

export class LineIndex {
  /** Offset at which each line starts; line 1 starts at 0. Built on first use: most files need none. */
  private starts: number[] | undefined;

  constructor(private readonly source: string) {}

  position(offset: number): Position {
    const starts = (this.starts ??= lineStarts(this.source));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number), index: offset };
  }
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (const match of source.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length);
  return starts;
}

const indexes = new WeakMap<object, LineIndex>();

/** Records how to position the nodes of a tree whose nodes carry offsets only. */
export function registerLineIndex(tree: object, lines: LineIndex): void {
  indexes.set(tree, lines);
}

/** The line index of a tree built without `loc`s, if it is one. */
export function lineIndexOf(tree: object): LineIndex | undefined {
  return indexes.get(tree);
}
