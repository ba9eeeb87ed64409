/** Which names a module imports, as far as rules need to know what a bare name refers to. */
import type { PythonNode } from './parser.js';

/** Local names bound by `from <module> import name [as alias]` at any level of the file: local name → imported name. */
export function namesImportedFrom(root: PythonNode, module: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of root.descendantsOfType('import_from_statement')) {
    if (statement === null || statement.childForFieldName('module_name')?.text !== module) continue;
    for (const child of statement.namedChildren) {
      if (child === null || child.id === statement.childForFieldName('module_name')?.id) continue;
      if (child.type === 'dotted_name') names.set(child.text, child.text);
      else if (child.type === 'aliased_import') {
        const name = child.childForFieldName('name')?.text;
        const alias = child.childForFieldName('alias')?.text;
        if (name !== undefined && alias !== undefined) names.set(alias, name);
      }
    }
  }
  return names;
}

/** Whether the file binds `name` itself (a def, a class, an import under that name), so it is not the builtin. */
export function bindsName(root: PythonNode, name: string): boolean {
  for (const definition of root.descendantsOfType(['function_definition', 'class_definition'])) {
    if (definition?.childForFieldName('name')?.text === name) return true;
  }
  for (const statement of root.descendantsOfType(['import_from_statement', 'import_statement'])) {
    if (statement === null) continue;
    for (const child of statement.namedChildren) {
      if (child === null || child.id === statement.childForFieldName('module_name')?.id) continue;
      const local = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : child.text;
      if (local === name) return true;
    }
  }
  return false;
}
