/** What Python rules ask of tree-sitter's nodes. */
import type { PythonNode } from './parser.js';

/** Node types that start a new scope: code inside them does not run as part of the enclosing handler. */
const SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);

/**
 * The `except` clause whose body `node` runs in, if any: the nearest one above it, not counting
 * clauses outside a function, lambda or class that lies between them.
 */
export function enclosingExcept(node: PythonNode): PythonNode | undefined {
  for (let current = node.parent; current !== null; current = current.parent) {
    if (current.type === 'except_clause') return current;
    if (SCOPES.has(current.type)) return undefined;
  }
  return undefined;
}

/**
 * Whether `node` lies in the body of a `try` with its own `except` clauses, below `outer`: what it
 * raises there may be caught on the spot, so it is not known to leave the handler.
 */
export function inGuardedTryBody(node: PythonNode, outer: PythonNode): boolean {
  for (let current = node.parent; current !== null && current.id !== outer.id; current = current.parent) {
    const parent = current.parent;
    if (current.type !== 'block' || parent?.type !== 'try_statement') continue;
    if (parent.childForFieldName('body')?.id === current.id && parent.children.some((child) => child?.type === 'except_clause')) return true;
  }
  return false;
}

/** The function that `node` runs in, or undefined at module or class level. */
export function enclosingFunction(node: PythonNode): PythonNode | undefined {
  for (let current = node.parent; current !== null; current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'lambda') return current;
    if (current.type === 'class_definition') return undefined;
  }
  return undefined;
}

export function isAsyncFunction(node: PythonNode): boolean {
  return node.type === 'function_definition' && node.child(0)?.type === 'async';
}

export interface ExceptParts {
  clause: PythonNode;
  /** The exception type(s) caught; undefined for a bare `except:`. */
  types: PythonNode | undefined;
  /** The bound name (`as err`), if any. */
  name: PythonNode | undefined;
  /** `except*`: a handler of an exception group. */
  group: boolean;
  /** `except A, B:` without parentheses, which cannot take `as` as written. */
  unparenthesizedList: boolean;
  body: PythonNode;
}

export function exceptParts(clause: PythonNode): ExceptParts {
  let types: PythonNode | undefined;
  let name: PythonNode | undefined;
  let group = false;
  let commas = 0;
  let body: PythonNode | undefined;
  for (const child of clause.children) {
    if (child === null) continue;
    if (child.type === '*') group = true;
    else if (child.type === ',') commas++;
    else if (child.type === 'block') body = child;
    else if (child.type === 'as_pattern' && types === undefined) {
      types = child.namedChildren.find((part) => part !== null && part.type !== 'as_pattern_target') ?? undefined;
      name = child.namedChildren.find((part) => part?.type === 'as_pattern_target')?.namedChild(0) ?? undefined;
    } else if (child.isNamed && child.type !== 'comment' && types === undefined) types = child;
  }
  if (body === undefined) throw new Error('an except clause without a body');
  return { clause, types, name, group, unparenthesizedList: commas > 0, body };
}

/** The statements of a block, without comments. */
export function statementsOf(block: PythonNode): PythonNode[] {
  return block.namedChildren.filter((child): child is PythonNode => child !== null && child.type !== 'comment');
}

/** Comments between the clause's keyword and its end, including those before the block's first statement. */
export function commentsIn(node: PythonNode): PythonNode[] {
  return node.descendantsOfType('comment').filter((comment): comment is PythonNode => comment !== null);
}

/** Dotted name text of `node` (`ValueError`, `asyncio.CancelledError`), or undefined for anything else. */
export function dottedName(node: PythonNode): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const attribute = node.childForFieldName('attribute');
    const left = object === null ? undefined : dottedName(object);
    return left === undefined || attribute === null ? undefined : `${left}.${attribute.text}`;
  }
  return undefined;
}

/** The names an except clause catches: one for `except E`, several for `except (A, B)`; undefined when any is not a plain name. */
export function caughtNames(types: PythonNode | undefined): string[] | undefined {
  if (types === undefined) return undefined;
  const parts = types.type === 'tuple' || types.type === 'expression_list' ? types.namedChildren : [types];
  const names: string[] = [];
  for (const part of parts) {
    if (part === null || part.type === 'comment') continue;
    const name = dottedName(part);
    if (name === undefined) return undefined;
    names.push(name);
  }
  return names;
}

/** The last segment of a dotted name: `asyncio.CancelledError` → `CancelledError`. */
export function lastSegment(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? name : name.slice(dot + 1);
}

const BINDING_PARENTS = new Set([
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'as_pattern_target',
  'global_statement',
  'nonlocal_statement',
  'list_splat_pattern',
]);

/** Whether `name` is assigned, deleted or declared anywhere inside `node`. */
export function isRebound(name: string, node: PythonNode): boolean {
  for (const identifier of node.descendantsOfType('identifier')) {
    if (identifier === null || identifier.text !== name) continue;
    const parent = identifier.parent;
    if (parent === null) continue;
    if (BINDING_PARENTS.has(parent.type)) return true;
    if (parent.type === 'delete_statement') return true;
    const field = fieldOf(identifier);
    if ((parent.type === 'assignment' || parent.type === 'augmented_assignment' || parent.type === 'for_statement' || parent.type === 'for_in_clause') && field === 'left') return true;
    if (parent.type === 'named_expression' && field === 'name') return true;
  }
  return false;
}

/** The field of its parent that `node` fills, if any. */
export function fieldOf(node: PythonNode): string | null {
  const parent = node.parent;
  if (parent === null) return null;
  for (let index = 0; index < parent.childCount; index++) {
    const child = parent.child(index);
    if (child !== null && child.startIndex === node.startIndex && child.endIndex === node.endIndex && child.type === node.type) return parent.fieldNameForChild(index);
  }
  return null;
}

/** Every identifier spelled inside `node`: names a new binding must not take. */
export function identifiersIn(node: PythonNode): Set<string> {
  const names = new Set<string>();
  for (const identifier of node.descendantsOfType('identifier')) if (identifier !== null) names.add(identifier.text);
  return names;
}
