/**
 * The parse behind `audit` (and any detection without fixing). Plain JavaScript goes through
 * meriyah, which parses the same files in a bit over half of @babel/parser's time, and its tree is
 * converted to the Babel shapes the rules read. TypeScript, and any file meriyah
 * rejects, goes to @babel/parser, which stays the judge of what does not parse and where.
 * `migrate` keeps @babel/parser for everything: its fixes need the full tree, and parsing the files
 * it changes twice, with both parsers warming up, measured slower than Babel alone.
 */
import type { File } from '@babel/types';
import { isParseError, parse as parseEstree, type Options } from 'meriyah';
import { toBabelFile, type RawComment } from './estree-to-babel.js';
import { dialectOf } from './babel-parse.js';
import { parseSource } from './on-demand-parse.js';

export function parseForDetection(source: string, filePath: string): File {
  if (dialectOf(filePath) === 'javascript') {
    const tree = parseJavaScript(source);
    if (tree !== undefined) return tree;
  }
  return parseSource(source, filePath, { lean: true });
}

const sourceTypes: Array<NonNullable<Options['sourceType']>> = ['module', 'script'];

function parseJavaScript(source: string): File | undefined {
  for (const sourceType of sourceTypes) {
    const comments: RawComment[] = [];
    let program;
    try {
      program = parseEstree(source, {
        sourceType,
        next: true,
        jsx: true,
        // CommonJS files may `return` at the top level, as @babel/parser is told to allow.
        globalReturn: true,
        ranges: { start: true, end: true, range: false },
        validateRegex: false,
        onComment: (type, value, start, end) => comments.push({ type, value, start, end }),
      });
    } catch (error) {
      if (isParseError(error)) continue;
      throw error;
    }
    return toBabelFile(program as never, comments, source);
  }
  return undefined;
}
