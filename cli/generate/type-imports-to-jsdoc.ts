/**
 * Imports and exports of types. Type-only imports become `@import` comments (TypeScript 5.5+),
 * which bring types into scope for JSDoc without being exported again; type re-exports become
 * `@typedef`, the one JSDoc form that exports a type.
 */
import { endOf, startOf, type SourceFile, type t } from './babel-ast.js';
import { ConversionError } from './conversion-error.js';
import type { SourceEdits } from './source-edits.js';

/** Where a type-only binding comes from, to re-export it as `import('x').Name`. */
export interface TypeBinding {
  /** The module specifier as written, quotes included. */
  specifier: string;
  /** The imported name; `*` for a namespace import. */
  imported: string;
}

type ImportSpecifierNode = t.ImportDeclaration['specifiers'][number];

/**
 * Rewrites one import: value bindings stay an `import`, bindings used only as types move to an
 * `@import` comment. Returns the type-only bindings by local name.
 */
export function convertImport(
  declaration: t.ImportDeclaration,
  file: SourceFile,
  edits: SourceEdits,
  valueNames: ReadonlySet<string>,
): Map<string, TypeBinding> {
  const specifier = file.text.slice(startOf(declaration.source), endOf(declaration.source));
  const typeOnly = (node: ImportSpecifierNode): boolean =>
    declaration.importKind === 'type' ||
    (node.type === 'ImportSpecifier' && node.importKind === 'type') ||
    !valueNames.has(node.local.name);
  const values = declaration.specifiers.filter((node) => !typeOnly(node));
  const types = declaration.specifiers.filter(typeOnly);
  const bindings = new Map(types.map((node) => [node.local.name, { specifier, imported: importedName(node) }] as const));
  if (types.length === 0) return bindings;

  const comments = importComments(types, specifier, file);
  if (values.length === 0) {
    edits.replace(startOf(declaration), endOf(declaration), comments.join('\n'));
  } else {
    const rest = file.text.slice(endOf(declaration.source), endOf(declaration));
    const statement = `import ${importClause(values, file)} from ${specifier}${rest}`;
    edits.replace(startOf(declaration), endOf(declaration), [statement, ...comments].join('\n'));
  }
  return bindings;
}

function importedName(node: ImportSpecifierNode): string {
  if (node.type === 'ImportDefaultSpecifier') return 'default';
  if (node.type === 'ImportNamespaceSpecifier') return '*';
  return node.imported.type === 'Identifier' ? node.imported.name : node.imported.value;
}

function importClause(specifiers: readonly ImportSpecifierNode[], file: SourceFile): string {
  const parts: string[] = [];
  const named: string[] = [];
  for (const node of specifiers) {
    if (node.type === 'ImportDefaultSpecifier') parts.push(node.local.name);
    else if (node.type === 'ImportNamespaceSpecifier') parts.push(`* as ${node.local.name}`);
    else named.push(file.text.slice(startOf(node), endOf(node)).replace(/^type\s+/, ''));
  }
  if (named.length > 0) parts.push(`{ ${named.join(', ')} }`);
  return parts.join(', ');
}

function importComments(specifiers: readonly ImportSpecifierNode[], specifier: string, file: SourceFile): string[] {
  const comments: string[] = [];
  const named: string[] = [];
  for (const node of specifiers) {
    if (node.type === 'ImportDefaultSpecifier') comments.push(`/** @import ${node.local.name} from ${specifier} */`);
    else if (node.type === 'ImportNamespaceSpecifier') comments.push(`/** @import * as ${node.local.name} from ${specifier} */`);
    else named.push(file.text.slice(startOf(node), endOf(node)).replace(/^type\s+/, ''));
  }
  if (named.length > 0) comments.push(`/** @import { ${named.join(', ')} } from ${specifier} */`);
  return comments;
}

/**
 * Rewrites `export { … }` and `export { … } from`: value specifiers stay, type specifiers
 * become `@typedef` re-exports, and local interfaces and aliases (already exported by their
 * own `@typedef`) are dropped.
 */
export function convertExportList(
  declaration: t.ExportNamedDeclaration,
  file: SourceFile,
  edits: SourceEdits,
  localTypeNames: ReadonlySet<string>,
  typeImports: ReadonlyMap<string, TypeBinding>,
): void {
  const from = declaration.source ? file.text.slice(startOf(declaration.source), endOf(declaration.source)) : undefined;
  const kept: string[] = [];
  const typedefs: string[] = [];
  let changed = false;
  for (const node of declaration.specifiers) {
    if (node.type !== 'ExportSpecifier') {
      if (declaration.exportKind === 'type') {
        throw new ConversionError(`${file.fileName}: \`export type * as\` has no JavaScript equivalent; export the types by name.`);
      }
      kept.push(file.text.slice(startOf(node), endOf(node)));
      continue;
    }
    const local = moduleExportName(node.local);
    const exported = moduleExportName(node.exported);
    const isType = declaration.exportKind === 'type' || node.exportKind === 'type';
    if (from !== undefined) {
      if (isType) typedefs.push(`/** @typedef {${importType(from, local)}} ${exported} */`);
      else kept.push(file.text.slice(startOf(node), endOf(node)));
      changed ||= isType;
      continue;
    }
    const imported = typeImports.get(local);
    if (imported) {
      typedefs.push(`/** @typedef {${importType(imported.specifier, imported.imported)}} ${exported} */`);
    } else if (localTypeNames.has(local)) {
      if (local !== exported) typedefs.push(`/** @typedef {${local}} ${exported} */`);
    } else if (!isType) {
      kept.push(file.text.slice(startOf(node), endOf(node)));
      continue;
    }
    changed = true;
  }
  if (!changed) return;
  const statement = kept.length > 0 ? [`export { ${kept.join(', ')} }${from === undefined ? '' : ` from ${from}`};`] : [];
  const replacement = [...statement, ...typedefs].join('\n');
  if (replacement === '') edits.removeLines(startOf(declaration), endOf(declaration));
  else edits.replace(startOf(declaration), endOf(declaration), replacement);
}

function moduleExportName(node: t.Identifier | t.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

function importType(specifier: string, imported: string): string {
  return imported === '*' ? `import(${specifier})` : `import(${specifier}).${imported}`;
}
