/**
 * How `migrate`, `audit` and the standalone jscodeshift adapter call @babel/parser: the plugin set
 * each file extension needs, producing a plain tree with source offsets (no recast). The parser
 * itself is passed in: parse.ts gives the one it imports, on-demand-parse.ts loads it on first use.
 */
import type * as BabelParser from '@babel/parser';
import type { ParserOptions, ParserPlugin } from '@babel/parser';
import type { File } from '@babel/types';

export type BabelParse = typeof BabelParser.parse;

/** A file that cannot be parsed, with the position editors show (1-based line and column). */
export class ParseFailure extends Error {
  override name = 'ParseFailure';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export type Dialect = 'typescript' | 'tsx' | 'javascript';

// `.ts` must not get the jsx plugin: with it, `<T>value` type assertions are read as JSX and fail.
export function dialectOf(filePath: string): Dialect {
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.tsx')) return 'tsx';
  if (lower.endsWith('.ts') || lower.endsWith('.mts') || lower.endsWith('.cts')) return 'typescript';
  return 'javascript';
}

const languagePlugins: Record<Dialect, ParserPlugin[]> = {
  typescript: ['typescript'],
  tsx: ['typescript', 'jsx'],
  javascript: ['jsx'],
};

const syntaxPlugins: ParserPlugin[] = [
  'decoratorAutoAccessors',
  'explicitResourceManagement',
  // Older Node code imports JSON with `assert { type: 'json' }`.
  ['importAttributes', { deprecatedAssertSyntax: true }],
];

// Modern decorators reject parameter decorators (`constructor(@Inject() x)`), which TypeScript's
// experimentalDecorators code is full of; the legacy proposal accepts those but not `export @dec class`.
// Sloppy-mode scripts (`with`, octal literals) only parse as scripts.
const attempts: Array<{ decorators: ParserPlugin; sourceType: 'module' | 'script' }> = [
  { decorators: 'decorators', sourceType: 'module' },
  { decorators: 'decorators-legacy', sourceType: 'module' },
  { decorators: 'decorators', sourceType: 'script' },
];

/** How much the tree carries beyond node types and offsets. */
export interface ParseOptions {
  /**
   * Leave out what only rewriting can need: `range` on nodes and comments attached to nodes
   * (`leadingComments` …). `ast.comments` and `start`/`end`/`loc` are there either way. Detection
   * reads neither, and skipping them makes parsing about a fifth faster with less memory.
   */
  lean?: boolean;
}

function optionsFor(dialect: Dialect, attempt: (typeof attempts)[number], lean: boolean): ParserOptions {
  return {
    sourceType: attempt.sourceType,
    plugins: [...languagePlugins[dialect], attempt.decorators, ...syntaxPlugins],
    errorRecovery: false,
    tokens: false,
    ranges: !lean,
    attachComment: !lean,
    // CommonJS files may `return` at the top level; codemods should not reject what Node runs.
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: attempt.sourceType === 'script',
    allowUndeclaredExports: true,
  };
}

interface BabelSyntaxError {
  message: string;
  loc?: { line: number; column: number; index?: number };
  pos?: number;
}

function isBabelSyntaxError(error: unknown): error is BabelSyntaxError & Error {
  return error instanceof SyntaxError && typeof (error as BabelSyntaxError).loc === 'object';
}

function toFailure(error: BabelSyntaxError): ParseFailure {
  const line = error.loc?.line ?? 1;
  const column = (error.loc?.column ?? 0) + 1;
  // Babel appends "(line:column)" to its messages; the position is carried separately.
  const message = error.message.replace(/\s*\(\d+:\d+\)\s*$/, '');
  return new ParseFailure(message, line, column);
}

/**
 * Parse a file's text (without its byte order mark) by its extension.
 * Throws `ParseFailure` when no parser configuration accepts it; the error reported is the one that
 * got furthest into the file, which is where the real problem most likely is.
 */
export function parseWith(parse: BabelParse, source: string, filePath: string, options: ParseOptions = {}): File {
  const dialect = dialectOf(filePath);
  const lean = options.lean ?? false;
  let furthest: BabelSyntaxError | undefined;
  for (const attempt of attempts) {
    try {
      return parse(source, optionsFor(dialect, attempt, lean)) as unknown as File;
    } catch (error) {
      if (!isBabelSyntaxError(error)) throw error;
      if (furthest === undefined || positionOf(error) > positionOf(furthest)) furthest = error;
    }
  }
  throw toFailure(furthest as BabelSyntaxError);
}

function positionOf(error: BabelSyntaxError): number {
  return error.loc?.index ?? error.pos ?? 0;
}
