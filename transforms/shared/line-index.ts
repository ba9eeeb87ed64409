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
  // Most files break lines with \n alone, which indexOf finds fastest; the rest are scanned by hand.
  // (Three searches for one character each beat one search for a character class several times over.)
  if (!source.includes('\r') && !source.includes('\u2028') && !source.includes('\u2029')) {
    for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 13 && source.charCodeAt(index + 1) === 10) index++;
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) starts.push(index + 1);
  }
  return starts;
}

// Kept on the tree itself, as its walk order is (preorder.ts): a WeakMap entry per tree, each holding
// the file's text, is work for every collection.
const LINES = Symbol('lines');

/** Records how to position the nodes of a tree whose nodes carry offsets only. */
export function registerLineIndex(tree: object, lines: LineIndex): void {
  (tree as { [LINES]?: LineIndex })[LINES] = lines;
}

/** The line index of a tree built without `loc`s, if it is one. */
export function lineIndexOf(tree: object): LineIndex | undefined {
  return (tree as { [LINES]?: LineIndex })[LINES];
}
