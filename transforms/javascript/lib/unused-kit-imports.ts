/**
 * Takes back kit imports a run added that no code uses any more. Two transforms can rewrite the same
 * expression in turn: under a pre-ES2022 `lib`, error-cause gives `new Error(msg)` the kit's AppError
 * (which takes a cause on every lib), then domain-errors turns that into `new NotFoundError(…)`, and
 * the AppError import stays behind, which `noUnusedLocals` and most linters reject. Only the names
 * the run added are looked at: an import the file had before is the author's business.
 */
import type { File, Node } from '@babel/types';
import type { KitLocation, TextEdit } from '../../types.js';
import { kitStatementsOf } from './kit-imports.js';
import { endOf, startOf } from './range.js';
import { lineStartAt, nextLineStartAt } from './source-style.js';
import { walk } from './walk.js';

interface Args {
  ast: File;
  source: string;
  filePath: string;
  kit: KitLocation;
}

/** A kit import or destructuring require, with the bindings it lists in source order. */
interface KitBindings {
  statement: Node;
  bindings: Array<{ node: Node; local: string }>;
  /** The default import before the braces, when there is one (`import kit, { AppError } …`). */
  defaultImport?: Node;
}

export function unusedKitImportEdits(args: Args, added: ReadonlySet<string>): TextEdit[] {
  if (added.size === 0) return [];
  const statements = kitStatements(args);
  const candidates = new Set(statements.flatMap(({ bindings }) => bindings.map((binding) => binding.local)).filter((local) => added.has(local)));
  if (candidates.size === 0) return [];
  const used = namesUsedOutside(args.ast, candidates, statements.map(({ statement }) => statement));
  const edits: TextEdit[] = [];
  for (const kitStatement of statements) {
    const unused = kitStatement.bindings.map((binding) => candidates.has(binding.local) && !used.has(binding.local));
    if (unused.some(Boolean)) edits.push(...removalEdits(kitStatement, unused, args.source));
  }
  return edits;
}

/** The kit's imports and destructuring requires, each with the bindings it lists. */
function kitStatements({ ast, filePath, kit }: Args): KitBindings[] {
  const found: KitBindings[] = [];
  for (const kitStatement of kitStatementsOf(ast, filePath, kit)) {
    if (kitStatement.kind === 'import') {
      const { statement } = kitStatement;
      if (statement.specifiers.some((specifier) => specifier.type === 'ImportNamespaceSpecifier')) continue;
      const bindings = statement.specifiers.filter((specifier) => specifier.type === 'ImportSpecifier').map((specifier) => ({ node: specifier as Node, local: specifier.local.name }));
      const defaultImport = statement.specifiers.find((specifier) => specifier.type === 'ImportDefaultSpecifier');
      found.push({ statement, bindings, ...(defaultImport ? { defaultImport } : {}) });
      continue;
    }
    const { statement, declarator } = kitStatement;
    if (statement.declarations.length !== 1 || declarator.id.type !== 'ObjectPattern') continue;
    const properties = declarator.id.properties;
    // Only plain `{ a, b: c }` patterns: a rest element or a default would change meaning if edited.
    if (!properties.every((property) => property.type === 'ObjectProperty' && property.value.type === 'Identifier')) continue;
    const bindings = properties.map((property) => ({ node: property as Node, local: (property as { value: { name: string } }).value.name }));
    found.push({ statement, bindings });
  }
  return found;
}

/** Which of `names` occur as identifiers anywhere but in the kit statements themselves. */
function namesUsedOutside(ast: File, names: ReadonlySet<string>, kitStatements: readonly Node[]): Set<string> {
  const used = new Set<string>();
  const skipped = new Set(kitStatements);
  walk(ast, (node) => {
    if (skipped.has(node)) return false;
    // Any identifier of that name counts, even a property key: keeping an import is always safe.
    if ((node.type === 'Identifier' || node.type === 'JSXIdentifier') && names.has(node.name)) used.add(node.name);
    return undefined;
  });
  return used;
}

/** Edits removing the unused bindings with their commas, or the whole statement when none is left. */
function removalEdits(kitStatement: KitBindings, unused: boolean[], source: string): TextEdit[] {
  const { statement, bindings, defaultImport } = kitStatement;
  if (unused.every(Boolean)) {
    if (defaultImport !== undefined) {
      // `import kit, { AppError } from …` keeps `import kit from …`.
      const closing = source.indexOf('}', endOf(bindings[bindings.length - 1]!.node));
      return [{ start: endOf(defaultImport), end: closing + 1, text: '' }];
    }
    return [{ start: lineStartAt(source, startOf(statement)), end: nextLineStartAt(source, endOf(statement)), text: '' }];
  }
  const edits: TextEdit[] = [];
  for (let first = 0; first < bindings.length; first++) {
    if (!unused[first]) continue;
    let last = first;
    while (last + 1 < bindings.length && unused[last + 1]) last++;
    // A run after a kept binding goes with the comma before it; a leading run with the comma after it.
    if (first > 0) edits.push({ start: endOf(bindings[first - 1]!.node), end: endOf(bindings[last]!.node), text: '' });
    else edits.push({ start: startOf(bindings[first]!.node), end: startOf(bindings[last + 1]!.node), text: '' });
    first = last;
  }
  return edits;
}
