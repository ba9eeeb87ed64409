import type { File, Node } from '@babel/types';

export type ModuleStyle = 'esm' | 'cjs';

/**
 * How a file reaches other modules, which decides whether the kit is imported or required.
 *
 * 1. The extension decides when it is explicit: `.mjs`/`.mts` are ESM, `.cjs`/`.cts` are CommonJS.
 * 2. Otherwise the code decides: `import`/`export` declarations mean ESM; else a top-level `require()`
 *    call, or an assignment to `module.exports`/`exports.x`, means CommonJS.
 * 3. A file with neither is ESM when it is TypeScript (compilers turn `import` into whatever the
 *    project emits) and CommonJS when it is plain JavaScript (where `import` would be a syntax error
 *    unless the package opted into ESM, and `require` works in both Node module systems' CommonJS files).
 */
export function detectModuleStyle(ast: File, filePath: string): ModuleStyle {
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.mjs') || lower.endsWith('.mts')) return 'esm';
  if (lower.endsWith('.cjs') || lower.endsWith('.cts')) return 'cjs';

  let commonJs = false;
  for (const statement of ast.program.body) {
    if (isModuleDeclaration(statement)) return 'esm';
    if (!commonJs && isCommonJsStatement(statement)) commonJs = true;
  }
  if (commonJs) return 'cjs';
  return /\.[cm]?tsx?$/.test(lower) ? 'esm' : 'cjs';
}

function isModuleDeclaration(statement: Node): boolean {
  switch (statement.type) {
    case 'ImportDeclaration':
      return true;
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
    case 'ExportAllDeclaration':
      return true;
    default:
      return false;
  }
}

function isCommonJsStatement(statement: Node): boolean {
  if (statement.type === 'VariableDeclaration') {
    return statement.declarations.some((declarator) => declarator.init != null && containsRequireCall(declarator.init));
  }
  if (statement.type === 'ExpressionStatement') {
    const expression = statement.expression;
    if (expression.type === 'AssignmentExpression') return isExportsTarget(expression.left);
    return containsRequireCall(expression);
  }
  return false;
}

/** `require('x')`, `require('x').y`, `require('x')(…)`: the shapes a top-level require takes. */
function containsRequireCall(node: Node): boolean {
  let current: Node = node;
  for (;;) {
    if (current.type === 'CallExpression') {
      if (current.callee.type === 'Identifier' && current.callee.name === 'require') return true;
      current = current.callee;
    } else if (current.type === 'MemberExpression') {
      current = current.object;
    } else {
      return false;
    }
  }
}

function isExportsTarget(node: Node): boolean {
  if (node.type !== 'MemberExpression') return false;
  const object = node.object;
  if (object.type === 'Identifier') {
    if (object.name === 'exports') return true;
    return object.name === 'module' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'exports';
  }
  return isExportsTarget(object);
}
