import type { Node } from '@babel/types';

/**
 * Whether evaluating `node` cannot run code of the program's own: literals, names, property reads,
 * and operators or literals built from those. Calls, `new`, `await`, assignments and the like can,
 * so the order in which they run must be kept. Getters are assumed not to matter, as linters do.
 */
export function isFreeOfEffects(node: Node): boolean {
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BigIntLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'RegExpLiteral':
    case 'Identifier':
    case 'ThisExpression':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return true;
    case 'TemplateLiteral':
      return node.expressions.every(isFreeOfEffects);
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return isFreeOfEffects(node.object) && (!node.computed || isFreeOfEffects(node.property));
    case 'UnaryExpression':
      return node.operator !== 'delete' && isFreeOfEffects(node.argument);
    case 'BinaryExpression':
      return node.left.type !== 'PrivateName' && isFreeOfEffects(node.left) && isFreeOfEffects(node.right);
    case 'LogicalExpression':
      return isFreeOfEffects(node.left) && isFreeOfEffects(node.right);
    case 'ConditionalExpression':
      return isFreeOfEffects(node.test) && isFreeOfEffects(node.consequent) && isFreeOfEffects(node.alternate);
    case 'ArrayExpression':
      return node.elements.every((element) => element === null || (element.type !== 'SpreadElement' && isFreeOfEffects(element)));
    case 'ObjectExpression':
      return node.properties.every(
        (property) => property.type === 'ObjectProperty' && !property.computed && isFreeOfEffects(property.value),
      );
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'ParenthesizedExpression':
      return isFreeOfEffects(node.expression);
    default:
      return false;
  }
}
