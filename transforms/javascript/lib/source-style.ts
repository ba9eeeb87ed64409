import type { File } from '@babel/types';
import { walk } from './walk.js';

/**
 * How a file is written (line endings, indentation, quotes, semicolons), so inserted code looks like
 * the code around it.
 */

/** The file's line ending: CRLF when its first line break is CRLF, else LF. */
export function lineEndingOf(source: string): '\n' | '\r\n' {
  const newline = source.indexOf('\n');
  return newline > 0 && source[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** Offset where the line containing `offset` starts. */
export function lineStartAt(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset where the line containing `offset` ends (before its CR LF, LF, CR, U+2028 or U+2029). */
export function lineEndAt(source: string, offset: number): number {
  LINE_TERMINATOR.lastIndex = offset;
  return LINE_TERMINATOR.exec(source)?.index ?? source.length;
}

// JavaScript ends a line at any of these, so a `// comment` after U+2028 is on the next line.
const LINE_TERMINATOR = /[\r\n\u2028\u2029]/g;

/** Offset just past the line break that ends the line containing `offset` (or the end of the file). */
export function nextLineStartAt(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline + 1;
}

/** The whitespace that starts the line containing `offset`. */
export function indentationAt(source: string, offset: number): string {
  const start = lineStartAt(source, offset);
  return /^[ \t]*/.exec(source.slice(start, start + 200))?.[0] ?? '';
}

/** True when only spaces and tabs lie between the start of its line and `offset`. */
export function isFirstOnLine(source: string, offset: number): boolean {
  return /^[ \t]*$/.test(source.slice(lineStartAt(source, offset), offset));
}

/** True when only spaces and tabs lie between `offset` and the end of its line. */
export function isLastOnLine(source: string, offset: number): boolean {
  return /^[ \t]*$/.test(source.slice(offset, lineEndAt(source, offset)));
}

/**
 * One level of indentation: a tab when the file indents with tabs, else the smallest step between
 * the indentation of consecutive lines (two spaces when the file gives no evidence).
 */
export function indentUnitOf(source: string): string {
  let smallest = Infinity;
  let previous = 0;
  let tabs = 0;
  let spaces = 0;
  // A sample is enough to recognise a style, and keeps this cheap on huge files.
  for (const line of source.slice(0, 20_000).split('\n')) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (indent.startsWith('\t')) {
      tabs++;
      continue;
    }
    const width = indent.length;
    if (width > 0) spaces++;
    // A line starting with `*` continues a block comment, whose one-space offset is not a style.
    if (width > previous && !line.trimStart().startsWith('*')) smallest = Math.min(smallest, width - previous);
    previous = width;
  }
  if (tabs > spaces) return '\t';
  return ' '.repeat(Number.isFinite(smallest) && smallest <= 8 ? smallest : 2);
}

/** The quote the file's string literals mostly use: single unless double quotes dominate. */
export function preferredQuoteOf(source: string): "'" | '"' {
  const sample = source.slice(0, 20_000);
  const single = sample.match(/'/g)?.length ?? 0;
  const double = sample.match(/"/g)?.length ?? 0;
  return double > single ? '"' : "'";
}

/** A string literal for `value` in the given quote style. */
export function quoteString(value: string, quote: "'" | '"'): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .split(quote)
    .join(`\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/**
 * Whether the file ends its statements with semicolons, judged by the first statements that could
 * end with one (semicolons when there is nothing to judge by).
 */
export function usesSemicolons(ast: File, source: string): boolean {
  let withSemicolon = 0;
  let without = 0;
  walk(ast, (node, ancestors) => {
    if (withSemicolon + without >= 20) return false;
    if (!SEMICOLON_TERMINATED.has(node.type) || node.end == null) return;
    const parent = ancestors[ancestors.length - 1];
    // `for (const x of xs)` holds a declaration that never ends with a semicolon.
    if (parent !== undefined && /^For/.test(parent.type) && node.type === 'VariableDeclaration') return;
    if (source[node.end - 1] === ';') withSemicolon++;
    else without++;
  });
  return withSemicolon > 0 || without === 0;
}

const SEMICOLON_TERMINATED = new Set([
  'ImportDeclaration',
  'ExpressionStatement',
  'VariableDeclaration',
  'ReturnStatement',
  'ThrowStatement',
]);

/**
 * The quote the file uses for module specifiers (imports and requires), falling back to its string
 * literals in general.
 */
export function specifierQuoteOf(ast: File, source: string): "'" | '"' {
  for (const statement of ast.program.body) {
    if (statement.type === 'ImportDeclaration' && statement.source.start != null) {
      return source[statement.source.start] === '"' ? '"' : "'";
    }
  }
  const require = /\brequire\(\s*(['"])/.exec(source.slice(0, 20_000));
  if (require) return require[1] === '"' ? '"' : "'";
  return preferredQuoteOf(source);
}

/**
 * How the file writes an `if` whose branch is one short statement: `braced` (`if (a) {` / `b` / `}`),
 * `same-line` (`if (a) b`) or `next-line` (`if (a)` / `b`), by majority; braced when the file has
 * none, since every brace rule accepts it.
 */
export function singleStatementIfStyleOf(ast: File, source: string): 'braced' | 'same-line' | 'next-line' {
  const counts = { braced: 0, 'same-line': 0, 'next-line': 0 };
  let seen = 0;
  walk(ast, (node) => {
    if (seen >= 50) return false;
    if (node.type !== 'IfStatement' || node.consequent.start == null || node.start == null) return;
    const branch = node.consequent;
    const branchStart = node.consequent.start;
    if (branch.type === 'BlockStatement') {
      const only = branch.body[0];
      // A braced branch of one statement spanning lines is braced under every style.
      if (branch.body.length !== 1 || only?.start == null || only.end == null || source.slice(only.start, only.end).includes('\n')) return;
      counts.braced++;
    } else {
      const head = source.slice(node.start, branchStart);
      counts[head.includes('\n') ? 'next-line' : 'same-line']++;
    }
    seen++;
  });
  if (counts['same-line'] > counts.braced && counts['same-line'] >= counts['next-line']) return 'same-line';
  if (counts['next-line'] > counts.braced) return 'next-line';
  return 'braced';
}

/** The widest line the file allows itself: its longest line, between 80 and 120 columns. */
export function lineWidthOf(source: string): number {
  let widest = 80;
  for (const line of source.slice(0, 50_000).split('\n')) widest = Math.max(widest, line.replace(/\r$/, '').length);
  return Math.min(widest, 120);
}
