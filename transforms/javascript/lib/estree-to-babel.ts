/**
 * Turns the ESTree tree meriyah builds into the Babel shapes every rule reads, in place, in one pass.
 * Only the node types the two formats spell differently are touched (literals, object and class
 * members, private names, optional chains, `import()`, `export * as`, directives); everything else
 * already matches. Nodes carry `start`/`end` but no `loc`, `range` or `extra`, and `program.sourceType`
 * is the goal meriyah parsed with (Babel reads a CommonJS file with a top-level `return` as a module);
 * detection reads none of these.
 * test/transforms/javascript/detection-parse.test.ts compares the result with @babel/parser's own tree, node by
 * node, over every JavaScript fixture, syntax the two spell differently and a sample of real files.
 */
import type { File, Node } from '@babel/types';
import { LineIndex, registerLineIndex } from '../../shared/line-index.js';
import { recordPreorder, type Preorder } from './preorder.js';
import { VISITOR_KEYS } from './visitor-keys.js';

/** A node of either format, as plain data. */
interface AnyNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** A comment as meriyah reports it through `onComment`. */
export interface RawComment {
  type: string;
  value: string;
  start: number;
  end: number;
}

/**
 * Babel's child keys without the ones only TypeScript and Flow fill, which meriyah never sets: looking
 * up a property an object lacks is the slowest read there is, and `Identifier` alone had two per node.
 */
const TYPE_SYSTEM_KEYS = new Set(['typeAnnotation', 'typeParameters', 'typeArguments', 'returnType', 'predicate', 'superTypeParameters', 'implements', 'mixins', 'variance', 'assertions']);

/** What converting a node of one type takes: the change to its own shape, if any, then its child keys. */
interface TypeConversion {
  /** Returns the node in Babel's shape (itself changed, or a new node), its children not yet converted. */
  reshape: ((node: AnyNode, source: string) => AnyNode) | undefined;
  childKeys: readonly string[];
  /** The type's number in the walk order. */
  id: number;
}

/** The ESTree types Babel spells differently, and how each becomes Babel's. */
const RESHAPES: Readonly<Record<string, (node: AnyNode, source: string) => AnyNode>> = {
  Literal: literal,
  Property: objectMember,
  MethodDefinition: classMethod,
  PropertyDefinition: (node) => {
    node.type = (node.key as AnyNode).type === 'PrivateIdentifier' ? 'ClassPrivateProperty' : 'ClassProperty';
    return node;
  },
  AccessorProperty: (node) => {
    node.type = 'ClassAccessorProperty';
    return node;
  },
  PrivateIdentifier: (node) => ({ type: 'PrivateName', start: node.start, end: node.end, id: { type: 'Identifier', name: node.name, start: node.start + 1, end: node.end } }),
  ChainExpression: (node) => optionalChain(node.expression as AnyNode),
  ImportExpression: importCall,
  ExportAllDeclaration: (node, source) => (node.exported === null || node.exported === undefined ? node : namespaceExport(node, source)),
  FunctionDeclaration: liftFunctionDirectives,
  FunctionExpression: liftFunctionDirectives,
  ArrowFunctionExpression: liftFunctionDirectives,
};

/**
 * One lookup per node answers both questions: testing the type against a switch of a dozen strings
 * first cost more than the rest of the conversion's bookkeeping together.
 */
const CONVERSIONS = new Map<string, TypeConversion>();
for (const [type, keys] of Object.entries(VISITOR_KEYS)) {
  // Only TypeScript puts decorators on parameters; a JavaScript identifier has no children.
  const childKeys = type === 'Identifier' ? [] : keys.filter((key) => !TYPE_SYSTEM_KEYS.has(key));
  CONVERSIONS.set(type, { reshape: Object.hasOwn(RESHAPES, type) ? RESHAPES[type] : undefined, childKeys, id: CONVERSIONS.size });
}
for (const [type, reshape] of Object.entries(RESHAPES)) {
  if (!CONVERSIONS.has(type)) CONVERSIONS.set(type, { reshape, childKeys: [], id: CONVERSIONS.size });
}

function typeIdOf(type: string): number | undefined {
  return CONVERSIONS.get(type)?.id;
}

/** Whether nodes of this type can have children in a converted tree; those that cannot are not listed in the walk order. */
function mayHaveChildren(type: string): boolean {
  return (CONVERSIONS.get(type)?.childKeys.length ?? 0) > 0;
}

export function toBabelFile(program: AnyNode, rawComments: readonly RawComment[], source: string): File {
  let interpreter: AnyNode | null = null;
  const comments: AnyNode[] = [];
  for (const comment of rawComments) {
    const { type, value, start, end } = comment;
    // Babel keeps `#!/usr/bin/env node` apart from the comments, as the program's interpreter.
    if (type === 'HashbangComment') interpreter = { type: 'InterpreterDirective', value, start, end };
    else comments.push({ type: type === 'MultiLine' ? 'CommentBlock' : 'CommentLine', value, start, end });
  }
  program.start = 0;
  program.end = source.length;
  program.directives = liftDirectives(program.body as AnyNode[]);
  program.interpreter = interpreter;
  const file: AnyNode = { type: 'File', start: 0, end: source.length, program, comments };
  const order: Preorder = { nodes: [file as unknown as Node], typeIds: [typeIdOf('File') as number], depths: [0], lists: mayHaveChildren, typeIdOf };
  file.program = convert(program, source, order, 1);
  const tree = file as unknown as File;
  // No node carries a `loc`: building one per node cost a tenth of the parse. Findings and comments
  // get their lines and columns from this index when they are reported.
  registerLineIndex(tree, new LineIndex(source));
  recordPreorder(tree, order);
  return tree;
}

/** Converts `original` and everything under it, listing each node in the order a walk meets it. */
function convert(original: AnyNode, source: string, order: Preorder, depth: number): AnyNode {
  const type = original.type;
  let conversion = CONVERSIONS.get(type);
  if (conversion === undefined) return original;
  let node = original;
  if (conversion.reshape !== undefined) {
    node = conversion.reshape(original, source);
    // Reshaping may change the type in place or build a new node; either way its children are the new type's.
    if (node.type !== type) conversion = CONVERSIONS.get(node.type);
    if (conversion === undefined) return node;
  }
  const keys = conversion.childKeys;
  // Identifiers and literals are almost half the nodes and never anyone's ancestor: leaving them out
  // of the order halves the replay. A walk with a visitor for such a type does not replay (shared-walk.ts).
  if (keys.length === 0) return node;
  order.nodes.push(node as unknown as Node);
  order.typeIds.push(conversion.id);
  order.depths.push(depth);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const child = node[key];
    if (child === null || typeof child !== 'object') continue;
    if (Array.isArray(child)) {
      for (let index = 0; index < child.length; index++) {
        const item: unknown = child[index];
        if (item === null || typeof item !== 'object') continue;
        const converted = convertChild(item as AnyNode, source, order, depth + 1);
        if (converted !== item) child[index] = converted;
      }
    } else {
      const converted = convertChild(child as AnyNode, source, order, depth + 1);
      if (converted !== child) node[key] = converted;
    }
  }
  return node;
}

/**
 * `convert` for a child, with the two commonest leaves done here: identifiers (a third of all nodes)
 * need nothing and literals only a new type, and a call with a lookup for each cost a tenth of the
 * conversion.
 */
function convertChild(child: AnyNode, source: string, order: Preorder, depth: number): AnyNode {
  const type = child.type;
  if (type === 'Identifier' || typeof type !== 'string') return child;
  if (type === 'Literal') return literal(child);
  return convert(child, source, order, depth);
}

function literal(node: AnyNode): AnyNode {
  const { value } = node;
  if (node.regex !== undefined && node.regex !== null) {
    const { pattern, flags } = node.regex as { pattern: string; flags: string };
    node.type = 'RegExpLiteral';
    node.pattern = pattern;
    node.flags = flags;
    node.value = undefined;
  } else if (typeof node.bigint === 'string') {
    // Babel keeps a BigInt's digits as a string.
    node.type = 'BigIntLiteral';
    node.value = node.bigint;
  } else if (typeof value === 'string') node.type = 'StringLiteral';
  else if (typeof value === 'number') node.type = 'NumericLiteral';
  else if (typeof value === 'boolean') node.type = 'BooleanLiteral';
  else node.type = 'NullLiteral';
  return node;
}

/** `{ a: 1 }` is an ObjectProperty; `{ a() {} }`, `{ get a() {} }` are ObjectMethods holding the function's parts. */
function objectMember(node: AnyNode): AnyNode {
  const kind = node.kind as string;
  if (node.method !== true && kind !== 'get' && kind !== 'set') {
    node.type = 'ObjectProperty';
    node.kind = undefined;
    return node;
  }
  return methodOf(node, 'ObjectMethod', { kind: node.method === true ? 'method' : kind });
}

function classMethod(node: AnyNode): AnyNode {
  const type = (node.key as AnyNode).type === 'PrivateIdentifier' ? 'ClassPrivateMethod' : 'ClassMethod';
  return methodOf(node, type, { kind: node.kind, static: node.static, decorators: node.decorators });
}

/** Babel's method node: the member's key with the parts of the FunctionExpression ESTree keeps as its value. */
function methodOf(member: AnyNode, type: string, own: Record<string, unknown>): AnyNode {
  const fn = member.value as AnyNode;
  const method: AnyNode = {
    type,
    start: member.start,
    end: member.end,
    ...own,
    key: member.key,
    computed: member.computed,
    id: null,
    params: fn.params,
    body: fn.body,
    generator: fn.generator,
    async: fn.async,
  };
  liftFunctionDirectives(method);
  return method;
}

/**
 * ESTree wraps a whole chain (`a?.b.c()`) in a ChainExpression; Babel has no wrapper and instead marks
 * every link from the outermost down to the innermost `?.` as Optional*.
 */
function optionalChain(expression: AnyNode): AnyNode {
  let innermostOptional: AnyNode | undefined;
  for (let link: AnyNode | undefined = expression; link !== undefined && isChainLink(link); link = nextLink(link)) {
    if (link.optional === true) innermostOptional = link;
  }
  if (innermostOptional === undefined) return expression;
  for (let link: AnyNode | undefined = expression; link !== undefined; ) {
    const next = nextLink(link);
    link.type = link.type === 'MemberExpression' ? 'OptionalMemberExpression' : 'OptionalCallExpression';
    link.optional = link.optional === true;
    if (link === innermostOptional) break;
    link = next;
  }
  return expression;
}

function isChainLink(node: AnyNode): boolean {
  return node.type === 'MemberExpression' || node.type === 'CallExpression';
}

function nextLink(node: AnyNode): AnyNode | undefined {
  const next = (node.type === 'MemberExpression' ? node.object : node.callee) as AnyNode;
  return isChainLink(next) ? next : undefined;
}

/** Babel (without `createImportExpressions`) reads `import(x)` as a call whose callee is `Import`. */
function importCall(node: AnyNode): AnyNode {
  const callee: AnyNode = { type: 'Import', start: node.start, end: node.start + 'import'.length };
  const args = node.options === null || node.options === undefined ? [node.source] : [node.source, node.options];
  return { type: 'CallExpression', start: node.start, end: node.end, callee, arguments: args, optional: false };
}

/** Babel reads `export * as ns from 'x'` as a named export with one namespace specifier, from the `*` to the name. */
function namespaceExport(node: AnyNode, source: string): AnyNode {
  const star = source.indexOf('*', afterSpaceAndComments(source, node.start + 'export'.length));
  const exported = node.exported as AnyNode;
  const specifier: AnyNode = { type: 'ExportNamespaceSpecifier', start: star, end: exported.end, exported };
  return { type: 'ExportNamedDeclaration', start: node.start, end: node.end, specifiers: [specifier], source: node.source, declaration: null, attributes: node.attributes ?? [] };
}

const SPACE_AND_COMMENTS = /(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n\r\u2028\u2029]*)*/y;

function afterSpaceAndComments(source: string, from: number): number {
  SPACE_AND_COMMENTS.lastIndex = from;
  SPACE_AND_COMMENTS.exec(source);
  return SPACE_AND_COMMENTS.lastIndex;
}

/**
 * Moves a function body's directives to its `directives`. Bodies without any get no `directives` at
 * all (Babel gives every block an empty list): nothing reads those lists, and adding a property to
 * every block made V8 allocate a second store for each one.
 */
function liftFunctionDirectives(fn: AnyNode): AnyNode {
  const body = fn.body as AnyNode | null | undefined;
  if (body?.type !== 'BlockStatement' || Array.isArray(body.directives)) return fn;
  const directives = liftDirectives(body.body as AnyNode[]);
  if (directives.length > 0) body.directives = directives;
  return fn;
}

/** ESTree keeps `'use strict'` as a statement with a `directive`; Babel moves it to `directives`. */
function liftDirectives(statements: AnyNode[]): AnyNode[] {
  let count = 0;
  while (count < statements.length && typeof (statements[count] as AnyNode).directive === 'string') count++;
  if (count === 0) return [];
  return statements.splice(0, count).map((statement) => {
    const literalNode = statement.expression as AnyNode;
    const value: AnyNode = { type: 'DirectiveLiteral', start: literalNode.start, end: literalNode.end, value: statement.directive };
    return { type: 'Directive', start: statement.start, end: statement.end, value };
  });
}
