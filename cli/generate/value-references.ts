/**
 * Which names a TypeScript module uses as values. An import whose bindings are only used in
 * types is erased by the TypeScript compiler; the JavaScript output must drop it too, or it
 * would import a name that does not exist at run time.
 */
import { forEachChild, type t } from './babel-ast.js';

const expressionWrappers = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSInstantiationExpression']);

export function valueReferences(program: t.Program): Set<string> {
  const names = new Set<string>();
  const visit = (node: t.Node, key: string | undefined, parent: t.Node | undefined): void => {
    if (node.type.startsWith('TS')) {
      if (expressionWrappers.has(node.type) && 'expression' in node) visit(node.expression as t.Node, 'expression', node);
      return;
    }
    if (node.type === 'ImportDeclaration') return;
    if ((node.type === 'ExportNamedDeclaration' || node.type === 'ExportSpecifier') && node.exportKind === 'type') return;
    if (node.type === 'Identifier') {
      if (!isNameOnly(key, parent)) names.add(node.name);
      return;
    }
    forEachChild(node, (child, childKey) => visit(child, childKey, node));
  };
  visit(program, undefined, undefined);
  return names;
}

/** Identifiers that name a property, label or export rather than refer to a binding. */
function isNameOnly(key: string | undefined, parent: t.Node | undefined): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return key === 'property' && !parent.computed;
    case 'ObjectProperty':
    case 'ObjectMethod':
    case 'ClassProperty':
    case 'ClassMethod':
    case 'ClassAccessorProperty':
      return key === 'key' && !parent.computed;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return key === 'label';
    case 'ExportSpecifier':
      return key === 'exported';
    case 'MetaProperty':
      return true;
    default:
      return false;
  }
}
