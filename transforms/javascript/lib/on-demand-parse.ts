/**
 * `parseSource` for the command line: @babel/parser is loaded the first time a file needs it. An
 * audit of plain JavaScript never does (detection-parse.ts uses meriyah), and loading it at start
 * cost every run of every command about 35 ms.
 */
import { createRequire } from 'node:module';
import type * as BabelParser from '@babel/parser';
import type { File } from '@babel/types';
import { parseWith, type ParseOptions } from './babel-parse.js';

export { ParseFailure } from './babel-parse.js';

const require = createRequire(import.meta.url);
let babelParser: typeof BabelParser | undefined;

export function parseSource(source: string, filePath: string, options: ParseOptions = {}): File {
  babelParser ??= require('@babel/parser') as typeof BabelParser;
  return parseWith(babelParser.parse, source, filePath, options);
}
