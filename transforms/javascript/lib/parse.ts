/**
 * `parseSource` with @babel/parser loaded along with this module: for the standalone jscodeshift
 * adapter, which cannot load modules that read `import.meta`, and for tests. The command line uses
 * on-demand-parse.ts, which loads the parser only when a run needs it.
 */
import { parse } from '@babel/parser';
import type { File } from '@babel/types';
import { parseWith, type ParseOptions } from './babel-parse.js';

export { dialectOf, ParseFailure, type Dialect, type ParseOptions } from './babel-parse.js';

/**
 * Parse a file's text (without its byte order mark) by its extension.
 * Throws `ParseFailure` when no parser configuration accepts it; the error reported is the one that
 * got furthest into the file, which is where the real problem most likely is.
 */
export function parseSource(source: string, filePath: string, options: ParseOptions = {}): File {
  return parseWith(parse, source, filePath, options);
}
