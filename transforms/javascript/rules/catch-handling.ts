/**
 * What a catch block does with the error it caught: the questions several audit rules ask (does it
 * rethrow or report it, does it return a stand-in value), answered the same way for all of them.
 */
import type { BlockStatement, CatchClause, Node, ReturnStatement } from '@babel/types';
import { mentions } from '../lib/error-expressions.js';
import { isFunctionNode, walk } from '../lib/walk.js';

/** Callee names that say the error goes somewhere people will see it (a log, a tracker, a rejection). */
const REPORTING_NAME = /log|report|warn|error|fatal|debug|trace|notif|captur|alert|sentry|emit|reject|fail/i;

/**
 * Whether the catch body lets the failure be known: it throws, calls something that reads like
 * logging or reporting, or hands the caught error (or something computed from it) to a call, a
 * constructor or an assignment.
 */
export function handlesError(clause: CatchClause): boolean {
  const caught = clause.param?.type === 'Identifier' ? clause.param.name : undefined;
  let handled = false;
  walk(clause.body, (node, ancestors) => {
    if (handled) return false;
    switch (node.type) {
      case 'ThrowStatement':
        if (!ancestors.some(isFunctionNode)) handled = true;
        break;
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'NewExpression':
        if (node.type !== 'NewExpression' && calleeNames(node.callee).some((name) => REPORTING_NAME.test(name))) handled = true;
        else if (caught !== undefined && node.arguments.some((argument) => mentions(argument, caught))) handled = true;
        break;
      case 'AssignmentExpression':
        if (caught !== undefined && mentions(node.right, caught)) handled = true;
        break;
    }
    return undefined;
  });
  return handled;
}

/** `a.b.c` → ['a', 'b', 'c']; `this.logger.warn` → ['logger', 'warn']; a call in the chain contributes its callee. */
function calleeNames(callee: Node): string[] {
  const names: string[] = [];
  let current: Node | undefined = callee;
  while (current !== undefined) {
    if (current.type === 'Identifier') {
      names.push(current.name);
      current = undefined;
    } else if (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') {
      if (!current.computed && current.property.type === 'Identifier') names.push(current.property.name);
      current = current.object;
    } else if (current.type === 'CallExpression' || current.type === 'OptionalCallExpression') {
      current = current.callee;
    } else {
      current = undefined;
    }
  }
  return names;
}

/** Return statements that leave the function from this block (not from functions defined inside it). */
export function returnsOf(block: BlockStatement): ReturnStatement[] {
  const found: ReturnStatement[] = [];
  walk(block, (node) => {
    if (isFunctionNode(node) || node.type === 'ClassBody') return false;
    if (node.type === 'ReturnStatement') found.push(node);
    return undefined;
  });
  return found;
}

/**
 * A value that stands in for a result without saying anything went wrong: `null`, `undefined`,
 * `void 0`, `[]`, `{}`, `false`, `''`, `0`, or nothing at all (`return;`).
 */
export function isStandInValue(node: Node | null | undefined): boolean {
  if (node == null) return true;
  switch (node.type) {
    case 'NullLiteral':
      return true;
    case 'Identifier':
      return node.name === 'undefined';
    case 'UnaryExpression':
      return node.operator === 'void' && (node.argument.type === 'NumericLiteral' || node.argument.type === 'StringLiteral');
    case 'ArrayExpression':
      return node.elements.length === 0;
    case 'ObjectExpression':
      return node.properties.length === 0;
    case 'BooleanLiteral':
      return !node.value;
    case 'StringLiteral':
      return node.value === '';
    case 'TemplateLiteral':
      return node.expressions.length === 0 && (node.quasis[0]?.value.cooked ?? '') === '';
    case 'NumericLiteral':
      return node.value === 0;
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
    case 'ParenthesizedExpression':
      return isStandInValue(node.expression);
    default:
      return false;
  }
}
