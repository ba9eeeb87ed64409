/**
 * The edit that imports names from the kit, placed where isort and Ruff's import sorting put it:
 * after the module docstring and `from __future__` imports, in the first-party section (or the
 * local-folder section for a relative import), straight imports before `from` imports, modules in
 * alphabetical order; a name joins an existing single-line import of the same module instead.
 */
import type { TextEdit } from '../../types.js';
import type { PythonNode } from './parser.js';
import { STDLIB_MODULES } from './stdlib-modules.js';

const enum Section {
  Future = 0,
  Stdlib = 1,
  ThirdParty = 2,
  FirstParty = 3,
  Local = 4,
}

interface TopImport {
  node: PythonNode;
  section: Section;
  /** `import x` (true) or `from x import y` (false). */
  straight: boolean;
  /** What isort compares: the module name, lower-cased. */
  key: string;
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

function nextLineStart(source: string, offset: number): number {
  const at = source.indexOf('\n', offset);
  return at === -1 ? source.length : at + 1;
}

function sectionOf(module: string, firstParty: readonly string[]): Section {
  if (module.startsWith('.')) return Section.Local;
  const top = module.split('.')[0] as string;
  if (top === '__future__') return Section.Future;
  if (STDLIB_MODULES.has(top)) return Section.Stdlib;
  return firstParty.includes(top) ? Section.FirstParty : Section.ThirdParty;
}

/** Ruff's default order of relative imports: furthest first (`..` before `.`). */
function sortKey(module: string): string {
  const dots = /^\.*/.exec(module)?.[0].length ?? 0;
  return dots === 0 ? module.toLowerCase() : `${String.fromCharCode(0x7f - dots)}${module.slice(dots).toLowerCase()}`;
}

function describe(node: PythonNode, firstParty: readonly string[]): TopImport | undefined {
  if (node.type === 'future_import_statement') return { node, section: Section.Future, straight: false, key: '__future__' };
  if (node.type === 'import_from_statement') {
    const module = node.childForFieldName('module_name')?.text ?? '';
    return { node, section: sectionOf(module, firstParty), straight: false, key: sortKey(module) };
  }
  if (node.type === 'import_statement') {
    const first = node.namedChild(0);
    const module = (first?.type === 'aliased_import' ? first.childForFieldName('name')?.text : first?.text) ?? '';
    return { node, section: sectionOf(module, firstParty), straight: true, key: sortKey(module) };
  }
  return undefined;
}

function isDocstring(node: PythonNode): boolean {
  return node.type === 'expression_statement' && node.namedChildCount === 1 && node.namedChild(0)?.type === 'string';
}

/** isort's order of imported names (`order-by-type`): CONSTANTS, then Classes, then the rest, each alphabetical. */
function nameOrder(name: string): [number, string] {
  const kind = name.length > 1 && name === name.toUpperCase() && /[A-Z]/.test(name) ? 0 : /^[A-Z]/.test(name) ? 1 : 2;
  return [kind, name.toLowerCase()];
}

function byNameOrder(a: string, b: string): number {
  const [ka, na] = nameOrder(a);
  const [kb, nb] = nameOrder(b);
  return ka - kb || (na < nb ? -1 : na > nb ? 1 : 0);
}

export interface KitImportRequest {
  source: string;
  root: PythonNode;
  /** How this file spells the kit's module: `shop.errors` or `..errors`. */
  module: string;
  names: string[];
  firstParty: readonly string[];
}

/** One edit adding `from <module> import <names>`, or undefined when there is nothing to add. */
export function kitImportEdit(request: KitImportRequest): TextEdit | undefined {
  const { source, root, module, firstParty } = request;
  if (request.names.length === 0) return undefined;
  const names = [...new Set(request.names)].sort(byNameOrder);
  const eol = source.includes('\r\n') ? '\r\n' : '\n';

  const statements = root.namedChildren.filter((node): node is PythonNode => node !== null);
  const existing = statements.find((node) => node.type === 'import_from_statement' && node.childForFieldName('module_name')?.text === module);
  if (existing !== undefined) {
    const joined = joinExisting(existing, names, source);
    if (joined !== undefined) return joined;
  }

  const line = `from ${module} import ${names.join(', ')}`;
  const section = sectionOf(module, firstParty);
  const key = sortKey(module);

  // The import block: the top-level imports before the first other statement (comments and the docstring aside).
  const block: TopImport[] = [];
  let preamble: PythonNode | undefined;
  for (const node of statements) {
    if (node.type === 'comment') continue;
    const described = describe(node, firstParty);
    if (described !== undefined) {
      block.push(described);
      continue;
    }
    if (block.length === 0 && preamble === undefined && isDocstring(node)) {
      preamble = node;
      continue;
    }
    break;
  }

  if (block.length === 0) return firstImport(source, root, preamble, line, eol);

  // The section may continue below the first block, after a `try:` around an optional import or a
  // constant: its imports there count too, up to the first definition.
  const later: TopImport[] = [];
  for (const node of statements.slice(statements.indexOf(block[block.length - 1]!.node) + 1)) {
    if (node.type === 'function_definition' || node.type === 'class_definition' || node.type === 'decorated_definition') break;
    const described = describe(node, firstParty);
    if (described !== undefined) later.push(described);
  }
  const same = [...block, ...later].filter((item) => item.section === section);
  if (same.length > 0) {
    const after = same.find((item) => !item.straight && item.key > key);
    if (after !== undefined) return { start: lineStart(source, after.node.startIndex), end: lineStart(source, after.node.startIndex), text: `${line}${eol}` };
    const last = same[same.length - 1] as TopImport;
    const at = nextLineStart(source, last.node.endIndex);
    return { start: at, end: at, text: `${atLineStart(source, at, eol)}${line}${eol}` };
  }
  const earlier = block.filter((item) => item.section < section);
  if (earlier.length > 0) {
    const last = earlier[earlier.length - 1] as TopImport;
    const at = nextLineStart(source, last.node.endIndex);
    return { start: at, end: at, text: `${atLineStart(source, at, eol)}${eol}${line}${eol}` };
  }
  const first = block[0] as TopImport;
  const at = lineStart(source, first.node.startIndex);
  return { start: at, end: at, text: `${line}${eol}${eol}` };
}

/** A line break first when `at` is the end of a file without a final one. */
function atLineStart(source: string, at: number, eol: string): string {
  return at === source.length && at > 0 && !source.endsWith('\n') ? eol : '';
}

/** `from m import a, c` → `from m import a, b, c`, for a single-line import without parentheses or a comment. */
function joinExisting(statement: PythonNode, names: string[], source: string): TextEdit | undefined {
  const moduleId = statement.childForFieldName('module_name')?.id;
  const imported = statement.namedChildren.filter((child): child is PythonNode => child !== null && child.id !== moduleId);
  if (imported.length === 0 || imported.some((child) => child.type !== 'dotted_name' && child.type !== 'aliased_import')) return undefined;
  if (statement.startPosition.row !== statement.endPosition.row || statement.text.includes('(') || statement.text.includes('\\')) return undefined;
  const lineEnd = source.indexOf('\n', statement.endIndex);
  if (source.slice(statement.endIndex, lineEnd === -1 ? source.length : lineEnd).trim() !== '') return undefined;
  const texts = imported.map((child) => child.text);
  const wanted = names.filter((name) => !texts.includes(name));
  if (wanted.length === 0) return undefined;
  const sortedBefore = texts.every((text, index) => index === 0 || byNameOrder(texts[index - 1] as string, text) <= 0);
  const all = sortedBefore ? [...texts, ...wanted].sort((a, b) => byNameOrder(a.split(' ')[0] as string, b.split(' ')[0] as string)) : [...texts, ...wanted];
  const first = imported[0] as PythonNode;
  const last = imported[imported.length - 1] as PythonNode;
  return { start: first.startIndex, end: last.endIndex, text: all.join(', ') };
}

/** The first import of a file: after its docstring (or leading comments), with the blank lines isort leaves. */
function firstImport(source: string, root: PythonNode, docstring: PythonNode | undefined, line: string, eol: string): TextEdit {
  let at = 0;
  if (docstring !== undefined) at = nextLineStart(source, docstring.endIndex);
  else {
    // Leading comments (a shebang, an encoding line, a licence header) stay first.
    for (const node of root.children) {
      if (node?.type !== 'comment') break;
      at = nextLineStart(source, node.endIndex);
    }
  }
  const before = at === 0 ? '' : `${atLineStart(source, at, eol)}${eol}`;
  const rest = source.slice(at);
  const blankAfter = /^(?:[ \t]*\r?\n)*/.exec(rest)?.[0].split('\n').length ?? 1;
  const existingBlanks = blankAfter - 1;
  const next = root.namedChildren.find((node): node is PythonNode => node !== null && node.startIndex >= at && node.type !== 'comment');
  const wantBlanks = next === undefined ? 0 : next.type === 'function_definition' || next.type === 'class_definition' || next.type === 'decorated_definition' ? 2 : 1;
  return { start: at, end: at, text: `${before}${line}${eol}${eol.repeat(Math.max(0, wantBlanks - existingBlanks))}` };
}
