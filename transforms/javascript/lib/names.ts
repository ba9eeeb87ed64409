import type { Node } from '@babel/types';
import { walk } from './walk.js';

/**
 * Every name a new binding could collide with inside `root`: declared names and referenced names
 * alike (a global the code reads is as much in the way as a local). Property names, and the remote
 * side of import/export specifiers, are not bindings and are left out.
 */
export function namesIn(root: Node): Set<string> {
  const names = new Set<string>();
  walk(root, (node, ancestors) => {
    if (node.type === 'JSXIdentifier') {
      names.add(node.name);
      return;
    }
    if (node.type !== 'Identifier') return;
    const parent = ancestors[ancestors.length - 1];
    if (parent !== undefined && isPropertyName(node, parent)) return;
    names.add(node.name);
  });
  return names;
}

function isPropertyName(node: Node, parent: Node): boolean {
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.property === node && !parent.computed;
    case 'ObjectProperty':
      return parent.key === node && !parent.computed && !parent.shorthand;
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassProperty':
    case 'ClassAccessorProperty':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
      return parent.key === node && !parent.computed;
    case 'ImportSpecifier':
      return parent.imported === node && parent.local !== node;
    case 'ExportSpecifier':
      return parent.exported === node && parent.local !== node;
    case 'TSQualifiedName':
      return parent.right === node;
    default:
      return false;
  }
}

/**
 * The first candidate not in `taken`, else the last candidate numbered (`name2`, `name3`, …).
 * The chosen name is added to `taken` so later requests in the same file avoid it.
 */
export function pickFreeName(candidates: readonly string[], taken: Set<string>): string {
  let chosen = candidates.find((candidate) => !taken.has(candidate));
  if (chosen === undefined) {
    const base = candidates[candidates.length - 1] ?? 'value';
    for (let n = 2; chosen === undefined; n++) {
      if (!taken.has(`${base}${n}`)) chosen = `${base}${n}`;
    }
  }
  taken.add(chosen);
  return chosen;
}
