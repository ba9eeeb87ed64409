/**
 * The names a file gives what it loads at its top level: `import` declarations and
 * `const … = require('…')`. Rules that ask "what did this file import from where" read this list
 * rather than walking both forms each.
 */
import type { File } from '@babel/types';

export interface ModuleBinding {
  /** The specifier the module is loaded by. */
  source: string;
  /** The name the file uses. */
  local: string;
  /** The whole module (a default or namespace import, `const x = require(…)`), not one export of it. */
  whole: boolean;
  /** The export it names (`import { get as httpsGet }`, `const { log } = require(…)`), when it names one. */
  imported?: string;
  /** Only a type: `import type …` or `import { type X }`. */
  typeOnly: boolean;
}

/** Every top-level binding of an imported or required module, in source order. */
export function moduleBindingsOf(ast: File): ModuleBinding[] {
  const bindings: ModuleBinding[] = [];
  for (const statement of ast.program.body) {
    if (statement.type === 'ImportDeclaration') {
      const source = statement.source.value;
      for (const specifier of statement.specifiers) {
        const typeOnly = statement.importKind === 'type' || (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type');
        if (specifier.type === 'ImportSpecifier') {
          const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
          bindings.push({ source, local: specifier.local.name, whole: false, imported, typeOnly });
        } else {
          bindings.push({ source, local: specifier.local.name, whole: true, typeOnly });
        }
      }
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') continue;
        const [from] = init.arguments;
        if (from?.type !== 'StringLiteral') continue;
        if (declarator.id.type === 'Identifier') bindings.push({ source: from.value, local: declarator.id.name, whole: true, typeOnly: false });
        if (declarator.id.type !== 'ObjectPattern') continue;
        for (const property of declarator.id.properties) {
          if (property.type !== 'ObjectProperty' || property.value.type !== 'Identifier') continue;
          const key = property.computed ? undefined : property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined;
          bindings.push({ source: from.value, local: property.value.name, whole: false, ...(key !== undefined ? { imported: key } : {}), typeOnly: false });
        }
      }
    }
  }
  return bindings;
}
