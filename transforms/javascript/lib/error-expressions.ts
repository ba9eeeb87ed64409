import type { Node } from '@babel/types';
import { namesIn } from './names.js';

/** The expression inside type assertions (`x as T`, `x!`, `<T>x`, `x satisfies T`) and parentheses: what runs. */
export function withoutTypeWrappers(node: Node): Node {
  let current = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'ParenthesizedExpression'
  ) {
    current = current.expression;
  }
  return current;
}

/** Whether `node` reads the variable `name` anywhere (property names do not count). */
export function mentions(node: Node, name: string): boolean {
  return namesIn(node).has(name);
}

/**
 * Whether `node` only reads information out of the error bound to `name` — the error itself, its
 * properties, its string form, or a choice between those — with nothing else computed. Logging the
 * whole error object loses none of it, so such an expression can be dropped from a log call.
 */
export function isDerivedFromError(node: Node, name: string): boolean {
  switch (node.type) {
    case 'Identifier':
      return node.name === name;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      if (node.computed && node.property.type !== 'StringLiteral' && node.property.type !== 'NumericLiteral') return false;
      return isDerivedFromError(node.object, name);
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
    case 'ParenthesizedExpression':
      return isDerivedFromError(node.expression, name);
    case 'CallExpression':
    case 'OptionalCallExpression':
      return isStringConversion(node.callee, node.arguments, name);
    case 'TemplateLiteral':
      return node.expressions.length > 0 && node.expressions.every((expression) => isDerivedOrLiteral(expression, name));
    case 'BinaryExpression':
      return node.operator === '+' && isDerivedOrLiteral(node.left, name) && isDerivedOrLiteral(node.right, name) && mentions(node, name);
    case 'LogicalExpression':
      return isDerivedOrLiteral(node.left, name) && isDerivedOrLiteral(node.right, name) && mentions(node, name);
    case 'ConditionalExpression':
      return (
        isPureTest(node.test, name) &&
        isDerivedOrLiteral(node.consequent, name) &&
        isDerivedOrLiteral(node.alternate, name) &&
        mentions(node, name)
      );
    default:
      return false;
  }
}

function isDerivedOrLiteral(node: Node, name: string): boolean {
  if (node.type === 'StringLiteral' || node.type === 'NumericLiteral' || node.type === 'NullLiteral') return true;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return true;
  if (node.type === 'Identifier' && node.name === 'undefined') return true;
  return isDerivedFromError(node, name);
}

/** `String(e)`, `e.toString()`, `JSON.stringify(e)`, `util.inspect(e)`: the error as text. */
function isStringConversion(callee: Node, args: Node[], name: string): boolean {
  const [first] = args;
  if (callee.type === 'Identifier' && callee.name === 'String') return args.length === 1 && first !== undefined && isDerivedFromError(first, name);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
  const method = callee.property.name;
  if (method === 'toString' && args.length === 0) return isDerivedFromError(callee.object, name);
  const owner = callee.object.type === 'Identifier' ? callee.object.name : undefined;
  if ((owner === 'JSON' && method === 'stringify') || (owner === 'util' && method === 'inspect')) {
    return first !== undefined && isDerivedFromError(first, name);
  }
  return false;
}

/** Tests like `e instanceof Error` or `typeof e === 'string'`: they look at the error, change nothing. */
function isPureTest(node: Node, name: string): boolean {
  switch (node.type) {
    case 'BinaryExpression':
      if (!['instanceof', '===', '!==', '==', '!='].includes(node.operator)) return false;
      return isPureOperand(node.left, name) && isPureOperand(node.right, name);
    case 'UnaryExpression':
      return (node.operator === 'typeof' || node.operator === '!') && isPureOperand(node.argument, name);
    case 'LogicalExpression':
      return isPureTest(node.left, name) && isPureTest(node.right, name);
    default:
      return isDerivedFromError(node, name);
  }
}

function isPureOperand(node: Node, name: string): boolean {
  if (node.type === 'Identifier') return true;
  if (node.type === 'UnaryExpression' && node.operator === 'typeof') return isPureOperand(node.argument, name);
  if (node.type === 'MemberExpression' && !node.computed) return isPureOperand(node.object, name);
  return isDerivedOrLiteral(node, name);
}
