import { basename, dirname } from 'node:path';
import type { BlockStatement, CatchClause, Node } from '@babel/types';
import type { TextEdit } from '../../types.js';
import { namesIn, pickFreeName } from './names.js';
import { endOf, startOf } from './range.js';
import { indentationAt, indentUnitOf, isFirstOnLine, lineEndingOf } from './source-style.js';
import { isFunctionNode } from './walk.js';

/** The name under which a catch clause's error is available, and the edits that make it so. */
export interface CatchBinding {
  name: string;
  /** Edits to the clause's parameter; empty when the clause already binds a plain name. */
  paramEdits: TextEdit[];
  /**
   * When the clause destructured the error (`catch ({ message })`), the declaration that keeps those
   * bindings (`const { message } = error;`, without line break), to put first in the body.
   */
  destructuring?: string;
}

/** Names tried, in order, when a catch clause needs a binding for its error. */
const ERROR_NAMES = ['error', 'err', 'caughtError'];

/**
 * Binds the caught error to a name: the clause's own identifier when it has one; else a name the
 * clause does not use yet (`catch {` becomes `catch (error) {`; `catch ({ message })` becomes
 * `catch (error)` plus a destructuring declaration). A type annotation on the parameter is kept.
 */
export function bindCatchParameter(clause: CatchClause, source: string, alsoAvoid: Iterable<string> = []): CatchBinding {
  const param = clause.param;
  if (param?.type === 'Identifier') return { name: param.name, paramEdits: [] };

  const taken = namesIn(clause);
  for (const name of alsoAvoid) taken.add(name);
  const name = pickFreeName(ERROR_NAMES, taken);
  if (param == null) {
    const afterKeyword = startOf(clause) + 'catch'.length;
    return { name, paramEdits: [{ start: afterKeyword, end: afterKeyword, text: ` (${name})` }] };
  }
  const annotation = 'typeAnnotation' in param && param.typeAnnotation != null ? param.typeAnnotation : undefined;
  const patternEnd = annotation === undefined ? endOf(param) : startOf(annotation);
  const pattern = source.slice(startOf(param), patternEnd).trimEnd();
  return {
    name,
    paramEdits: [{ start: startOf(param), end: startOf(param) + pattern.length, text: name }],
    destructuring: `const ${pattern} = ${name};`,
  };
}

/**
 * The catch clause whose body `node` runs in (the innermost one), given `node`'s ancestors.
 * With `crossFunctions` false, a function between the two means the code runs later, elsewhere:
 * no clause is returned.
 */
export function enclosingCatchBody(ancestors: readonly Node[], node: Node, crossFunctions: boolean): CatchClause | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const ancestor = ancestors[i] as Node;
    const child = i + 1 < ancestors.length ? ancestors[i + 1] : node;
    if (ancestor.type === 'CatchClause' && ancestor.body === child) return ancestor;
    if (!crossFunctions && isFunctionNode(ancestor)) return undefined;
  }
  return undefined;
}

/**
 * Whether `fn` is a promise's rejection handler: the function given to `.catch(fn)`, and with
 * `orThen` also `.then(onFulfilled, fn)`. `parent` is the node holding `fn`.
 */
export function isRejectionHandler(fn: Node, parent: Node | undefined, orThen = false): boolean {
  if (parent === undefined || (parent.type !== 'CallExpression' && parent.type !== 'OptionalCallExpression')) return false;
  const callee = parent.callee;
  if ((callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') || callee.computed || callee.property.type !== 'Identifier') return false;
  return (callee.property.name === 'catch' && parent.arguments[0] === fn) || (orThen && callee.property.name === 'then' && parent.arguments[1] === fn);
}

/**
 * Whether a statement (or the last one of a block) leaves what follows it unrun: a `return` or
 * `throw`, and with `loopJumps` also `continue` and `break`.
 */
export function leavesAfter(node: Node, loopJumps: boolean): boolean {
  if (node.type === 'BlockStatement') return node.body.length > 0 && leavesAfter(node.body[node.body.length - 1] as Node, loopJumps);
  return node.type === 'ReturnStatement' || node.type === 'ThrowStatement' || (loopJumps && (node.type === 'ContinueStatement' || node.type === 'BreakStatement'));
}

/**
 * A name for where an error happened, for reports: the nearest named function or method
 * (`loadUser`, `UserService.load`), looking past anonymous callbacks to the function that holds
 * them; at the top level of a module, the module's name (`server` for `server.ts`).
 */
export function operationName(ancestors: readonly Node[], filePath: string): string {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i] as Node;
    if (!isFunctionNode(node)) continue;
    const name = functionName(node, ancestors.slice(0, i));
    if (name !== undefined) return name;
  }
  return moduleName(filePath);
}

/** `server` for `src/server.ts`; the folder's name for an `index` file (`users` for `users/index.js`). */
function moduleName(filePath: string): string {
  const base = basename(filePath).replace(/\.[^.]*$/, '');
  if (base !== 'index') return base;
  const folder = basename(dirname(filePath));
  return folder === '' || folder === '.' ? base : folder;
}

function functionName(fn: Node, ancestors: readonly Node[]): string | undefined {
  const parent = ancestors[ancestors.length - 1];
  switch (fn.type) {
    case 'FunctionDeclaration':
    case 'FunctionExpression':
      if (fn.id) return fn.id.name;
      break;
    case 'ClassMethod':
    case 'ClassPrivateMethod': {
      const key = keyName(fn.key, fn.computed ?? false);
      const owner = ancestors[ancestors.length - 2];
      const className = owner && (owner.type === 'ClassDeclaration' || owner.type === 'ClassExpression') ? owner.id?.name : undefined;
      // A computed key names nothing a reader can find; the class alone would name no operation.
      if (key === undefined) return undefined;
      return className ? `${className}.${key}` : key;
    }
    case 'ObjectMethod':
      return keyName(fn.key, fn.computed);
  }
  return parent === undefined ? undefined : nameFromPosition(parent, ancestors.slice(0, -1), fn);
}

/** The name an anonymous function gets from where it is: `const load = () => …`, `{ load: … }`. */
function nameFromPosition(parent: Node, ancestors: readonly Node[], fn: Node): string | undefined {
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.id.type === 'Identifier' ? parent.id.name : undefined;
    case 'AssignmentExpression':
      if (parent.left.type === 'Identifier') return parent.left.name;
      if (parent.left.type === 'MemberExpression') return keyName(parent.left.property, parent.left.computed);
      return undefined;
    case 'ObjectProperty':
      return keyName(parent.key, parent.computed);
    case 'ClassProperty':
    case 'ClassPrivateProperty': {
      const key = keyName(parent.key, 'computed' in parent ? parent.computed : false);
      const owner = ancestors[ancestors.length - 2];
      const className = owner && (owner.type === 'ClassDeclaration' || owner.type === 'ClassExpression') ? owner.id?.name : undefined;
      return className && key ? `${className}.${key}` : key;
    }
    case 'CallExpression': {
      // `const save = useCallback(async () => …)`: the wrapper's result carries the name.
      const grandparent = ancestors[ancestors.length - 1];
      if (parent.callee !== fn && grandparent?.type === 'VariableDeclarator' && grandparent.id.type === 'Identifier') {
        return grandparent.id.name;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function keyName(key: Node, computed: boolean): string | undefined {
  if (key.type === 'Identifier' && !computed) return key.name;
  if (key.type === 'PrivateName') return `#${key.id.name}`;
  if (key.type === 'StringLiteral') return key.value;
  return undefined;
}

/**
 * Statements to become a block's whole body, laid out like the surrounding code: one per line,
 * indented one level deeper than the line the block starts on.
 */
export function blockBodyText(block: BlockStatement, source: string, statements: string[]): string {
  const eol = lineEndingOf(source);
  const outer = indentationAt(source, startOf(block));
  const inner = outer + indentUnitOf(source);
  return `{${eol}${statements.map((statement) => inner + statement).join(eol)}${eol}${outer}}`;
}

/**
 * An insertion that puts `statement` first in a non-empty block: on its own line at the first
 * statement's indentation, or inline when the block is written on one line.
 */
export function prependToBlock(block: BlockStatement, source: string, statement: string): TextEdit {
  const first = block.body[0];
  if (first === undefined) {
    const at = startOf(block) + 1;
    return { start: at, end: at, text: ` ${statement} ` };
  }
  const at = startOf(first);
  if (isFirstOnLine(source, at)) {
    return { start: at, end: at, text: statement + lineEndingOf(source) + indentationAt(source, at) };
  }
  return { start: at, end: at, text: `${statement} ` };
}
