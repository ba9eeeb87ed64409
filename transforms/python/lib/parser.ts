/**
 * The Python parser: tree-sitter's runtime compiled to WebAssembly (web-tree-sitter) with the grammar
 * the tree-sitter-python package ships as a .wasm file. Both load asynchronously once per process;
 * after that, parsing is synchronous, so the engine's per-file loop stays as it is for JavaScript.
 *
 * Offsets: given a JavaScript string, tree-sitter reads it as UTF-16 and reports `startIndex` and
 * `endIndex` in UTF-16 code units, the same units as `String.prototype.slice`; no conversion from
 * UTF-8 bytes is needed, and none may be added.
 */
import { createRequire } from 'node:module';
import type * as TreeSitter from 'web-tree-sitter';

export type PythonTree = TreeSitter.Tree;
export type PythonNode = TreeSitter.Node;

const require = createRequire(import.meta.url);

let loading: Promise<TreeSitter.Parser> | undefined;
let loaded: TreeSitter.Parser | undefined;

/** Loads the runtime and the grammar (about 30 ms); later calls return the same parser. */
export function loadPythonParser(): Promise<TreeSitter.Parser> {
  loading ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    // Located from the installed packages rather than beside this module, so a bundled command
    // finds them too.
    const runtimeWasm = require.resolve('web-tree-sitter/tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtimeWasm });
    const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    loaded = parser;
    return parser;
  })();
  return loading;
}

export class PythonParseFailure extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/**
 * The tree of `source`. tree-sitter recovers from syntax errors by inserting error and missing
 * nodes; a file with any is reported at its first one and not rewritten, as a JavaScript file that
 * does not parse is. The caller deletes the tree when done (it lives in WebAssembly memory).
 */
export function parsePython(source: string): PythonTree {
  if (loaded === undefined) throw new Error('the Python parser is used before loadPythonParser() finished');
  const tree = loaded.parse(source);
  if (tree === null) throw new Error('the Python parser returned no tree');
  if (tree.rootNode.hasError) {
    const problem = firstProblem(tree.rootNode, source);
    tree.delete();
    const where = problem ?? { line: 1, column: 1, missing: undefined };
    const detail = where.missing === undefined ? '' : ` (expected ${JSON.stringify(where.missing)})`;
    throw new PythonParseFailure(`invalid Python syntax${detail}`, where.line, where.column);
  }
  return tree;
}

/** Whether `source` parses without error nodes: the check every fix's output passes before it is written. */
export function parsesAsPython(source: string): boolean {
  try {
    parsePython(source).delete();
    return true;
  } catch (error) {
    if (error instanceof PythonParseFailure) return false;
    throw error;
  }
}

function firstProblem(node: PythonNode, source: string): { line: number; column: number; missing: string | undefined } | undefined {
  if (node.isError || node.isMissing) {
    // `startPosition.column` counts bytes; the offset counts characters, as editors do.
    const column = node.startIndex - (source.lastIndexOf('\n', node.startIndex - 1) + 1) + 1;
    return { line: node.startPosition.row + 1, column, missing: node.isMissing ? node.type : undefined };
  }
  for (const child of node.children) {
    if (child !== null && child.hasError) return firstProblem(child, source) ?? undefined;
  }
  return undefined;
}
