/**
 * Where a run of space and comments ends, for pre-filters that ask "is X followed, after any space
 * and comments, by Y". A regular expression can say that (`X(?:\s|\/\*…\*\/|\/\/…)*Y`), but its
 * alternatives overlap (a line comment may stop early and another start inside it) and every X
 * inside a long comment scans that comment again: some texts took minutes. One pass from the end
 * computes every answer at once, in time linear in the text whatever it holds.
 */

export interface GapOptions {
  /** `<!--` and `-->` start line comments too (scripts allow them). */
  htmlComments?: boolean;
}

/** `ends[i]`: the offset just past the space and comments starting at `i` (`i` itself when none starts there). */
export function gapEnds(source: string, options: GapOptions = {}): Int32Array {
  const length = source.length;
  const ends = new Int32Array(length + 1);
  ends[length] = length;
  let lineEnd = length;
  // The two nearest `*/` at or after the offset: `/*/` does not close itself, so the nearest may be too near.
  let close = -1;
  let nextClose = -1;
  for (let at = length - 1; at >= 0; at--) {
    const code = source.charCodeAt(at);
    const next = source.charCodeAt(at + 1);
    if (isLineTerminator(code)) lineEnd = at;
    let end = at;
    if (isSpace(code)) end = ends[at + 1] as number;
    else if (code === SLASH && next === SLASH) end = ends[lineEnd] as number;
    else if (code === SLASH && next === STAR) {
      const closing = close >= at + 2 ? close : nextClose;
      if (closing !== -1) end = ends[closing + 2] as number;
    } else if (options.htmlComments && (source.startsWith('<!--', at) || source.startsWith('-->', at))) end = ends[lineEnd] as number;
    ends[at] = end;
    if (code === STAR && next === SLASH) {
      nextClose = close;
      close = at;
    }
  }
  return ends;
}

const SLASH = 0x2f;
const STAR = 0x2a;

function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** What `\s` matches. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Whether some match of `before` is followed, after space and comments, by a match of `after`
 * (a sticky expression). Both expressions must be linear themselves; the gap between them is.
 */
export function followedAfterGap(source: string, before: RegExp, after: RegExp, options: GapOptions = {}): boolean {
  if (!before.global || !after.sticky) throw new Error('followedAfterGap needs a global `before` and a sticky `after`');
  let ends: Int32Array | undefined;
  before.lastIndex = 0;
  for (let match = before.exec(source); match !== null; match = before.exec(source)) {
    const from = match.index + match[0].length;
    if (match[0].length === 0) before.lastIndex++;
    ends ??= gapEnds(source, options);
    after.lastIndex = ends[from] as number;
    if (after.test(source)) return true;
  }
  return false;
}
