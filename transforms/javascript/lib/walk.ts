import type { Node } from '@babel/types';
import { VISITOR_KEYS } from './visitor-keys.js';

/** Returning `false` from a visitor skips the node's children. */
export type Visitor = (node: Node, ancestors: readonly Node[]) => void | false;

/**
 * Depth-first walk over a Babel tree, in source order, giving each node its ancestors (nearest last).
 * The ancestors array is reused while walking: copy it if a visitor needs to keep it.
 */
export function walk(root: Node, visit: Visitor): void {
  const ancestors: Node[] = [];
  const step = (node: Node): void => {
    if (visit(node, ancestors) === false) return;
    const keys = VISITOR_KEYS[node.type];
    if (keys === undefined) return;
    ancestors.push(node);
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) step(item);
      } else if (isNode(child)) {
        step(child);
      }
    }
    ancestors.pop();
  };
  step(root);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);

/** Functions start a new control flow: a `throw` inside one is not thrown by the code around it. */
export function isFunctionNode(node: Node): boolean {
  return FUNCTION_TYPES.has(node.type);
}
