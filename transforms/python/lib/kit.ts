/**
 * How a Python file reaches the kit: the kit's module (`shop.errors`), spelled the way the file (or,
 * when the file says nothing, the project) writes its own first-party imports, absolute or relative,
 * and the local name each of the kit's exports takes in the file.
 */
import path from 'node:path';
import type { KitLocation } from '../../types.js';
import type { PythonNode } from './parser.js';

export type PythonProfile = 'service' | 'cli' | 'library';

export interface PythonKit {
  /** Absolute folder the project's top-level packages are imported from (the project root, or `src`). */
  importRoot: string;
  /** Dotted module path of the kit from the import root: `shop.errors`. */
  module: string;
  /** Top-level names that are the project's own (first-party for isort/Ruff). */
  firstParty: string[];
  /** How the project's files import their own modules, when most of them agree. */
  style: 'absolute' | 'relative';
  profile: PythonProfile;
  errorClasses: string[];
  mappings: KitLocation['mappings'];
}

/** The package `filePath` belongs to, as module parts from the import root; undefined outside it. */
export function packageOf(kit: PythonKit, filePath: string): string[] | undefined {
  const relative = path.relative(kit.importRoot, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return path.dirname(relative).split(path.sep).filter((part) => part !== '' && part !== '.');
}

/** The absolute module an import's module name refers to from `filePackage` (`..errors` from `shop.api` → `shop.errors`). */
export function resolveModule(spelled: string, filePackage: string[] | undefined): string | undefined {
  const dots = /^\.*/.exec(spelled)?.[0].length ?? 0;
  if (dots === 0) return spelled;
  if (filePackage === undefined || dots - 1 > filePackage.length) return undefined;
  const base = filePackage.slice(0, filePackage.length - (dots - 1));
  const rest = spelled.slice(dots);
  return [...base, ...(rest === '' ? [] : rest.split('.'))].join('.');
}

/** The module names of the file's top-level `from … import` statements. */
function fromModules(root: PythonNode): string[] {
  const modules: string[] = [];
  for (const statement of root.namedChildren) {
    if (statement?.type !== 'import_from_statement') continue;
    const name = statement.childForFieldName('module_name');
    if (name !== null) modules.push(name.text);
  }
  return modules;
}

/** Whether the file imports its own package relatively or absolutely, when it does either. */
export function fileImportStyle(root: PythonNode, kit: PythonKit): 'absolute' | 'relative' | undefined {
  let relative = 0;
  let absolute = 0;
  for (const module of fromModules(root)) {
    if (module.startsWith('.')) relative++;
    else if (kit.firstParty.includes(module.split('.')[0] as string)) absolute++;
  }
  for (const statement of root.namedChildren) {
    if (statement?.type !== 'import_statement') continue;
    for (const child of statement.namedChildren) {
      const name = child?.type === 'aliased_import' ? child.childForFieldName('name')?.text : child?.text;
      if (name !== undefined && kit.firstParty.includes(name.split('.')[0] as string)) absolute++;
    }
  }
  if (relative === 0 && absolute === 0) return undefined;
  return relative > absolute ? 'relative' : 'absolute';
}

/** The file runs as a script (`if __name__ == "__main__":`), where a relative import fails. */
function runsAsScript(root: PythonNode): boolean {
  return root.namedChildren.some((statement) => {
    if (statement?.type !== 'if_statement') return false;
    const condition = statement.childForFieldName('condition')?.text.replace(/\s+/g, '') ?? '';
    return condition === '__name__=="__main__"' || condition === "__name__=='__main__'";
  });
}

/** How the file spells the kit's module in a new import: `shop.errors` or `..errors`. */
export function kitModuleSpelling(kit: PythonKit, filePath: string, root: PythonNode): string {
  const filePackage = packageOf(kit, filePath);
  const kitParts = kit.module.split('.');
  const style = fileImportStyle(root, kit) ?? kit.style;
  if (style !== 'relative' || filePackage === undefined || filePackage[0] !== kitParts[0] || runsAsScript(root)) return kit.module;
  let common = 0;
  while (common < filePackage.length && common < kitParts.length && filePackage[common] === kitParts[common]) common++;
  return '.'.repeat(filePackage.length - common + 1) + kitParts.slice(common).join('.');
}

/** Local names the file imports from the kit (any of its modules), by the name they import. */
export function namesFromKit(kit: PythonKit, filePath: string, root: PythonNode): Map<string, string> {
  const filePackage = packageOf(kit, filePath);
  const found = new Map<string, string>();
  for (const statement of root.descendantsOfType('import_from_statement')) {
    if (statement === null) continue;
    const moduleNode = statement.childForFieldName('module_name');
    const module = moduleNode === null ? undefined : resolveModule(moduleNode.text, filePackage);
    if (module === undefined || (module !== kit.module && !module.startsWith(`${kit.module}.`))) continue;
    for (const child of statement.namedChildren) {
      if (child === null || child.id === moduleNode?.id) continue;
      if (child.type === 'dotted_name') found.set(child.text, child.text);
      else if (child.type === 'aliased_import') {
        const name = child.childForFieldName('name')?.text;
        const alias = child.childForFieldName('alias')?.text;
        if (name !== undefined && alias !== undefined) found.set(name, alias);
      }
    }
  }
  return found;
}

/** Whether the module binds `name` at its top level: a def, a class, an import or an assignment. */
function boundAtTopLevel(root: PythonNode, name: string): boolean {
  for (const statement of root.namedChildren) {
    if (statement === null) continue;
    let node: PythonNode | null = statement;
    if (node.type === 'decorated_definition') node = node.childForFieldName('definition');
    if ((node?.type === 'function_definition' || node?.type === 'class_definition') && node.childForFieldName('name')?.text === name) return true;
    if (node?.type === 'expression_statement') {
      const assignment = node.namedChild(0);
      if (assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === name) return true;
    }
    if (node?.type === 'import_statement' || node?.type === 'import_from_statement') {
      const moduleId = node.childForFieldName('module_name')?.id;
      for (const child of node.namedChildren) {
        if (child === null || child.id === moduleId) continue;
        const local = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : child.text.split('.')[0];
        if (local === name) return true;
      }
    }
  }
  return false;
}

/**
 * How the kit's `name` is reached at a site in `scope`: by the name the file already imports it
 * under, or by `name` once imported; undefined when `name` means something else there.
 */
export function kitNameAt(kit: PythonKit, filePath: string, root: PythonNode, name: string, scope: PythonNode): { local: string; importNeeded: boolean } | undefined {
  const imported = namesFromKit(kit, filePath, root).get(name);
  if (imported !== undefined) return { local: imported, importNeeded: false };
  if (boundAtTopLevel(root, name)) return undefined;
  for (const identifier of scope.descendantsOfType('identifier')) if (identifier?.text === name) return undefined;
  return { local: name, importNeeded: true };
}
