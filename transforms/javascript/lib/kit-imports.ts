import type { Comment, File, ImportDeclaration, Node, ObjectPattern, Statement, VariableDeclaration, VariableDeclarator } from '@babel/types';
import type { KitExport, KitLocation, TextEdit } from '../../types.js';
import { placeImport } from './import-placement.js';
import { isKitSpecifier, kitSpecifierInFile } from './kit-specifier.js';
import type { ModuleStyle } from './module-style.js';
import { namesIn, pickFreeName } from './names.js';
import { endOf, startOf } from './range.js';
import { isFirstOnLine, lineEndingOf, lineEndAt, lineStartAt, nextLineStartAt, specifierQuoteOf, usesSemicolons } from './source-style.js';

export interface KitImports {
  /** The local name to use for `name` in this file; requests the import when the file lacks it. */
  useKitExport(name: KitExport): string;
  /** The edits that add the requested imports: none when nothing new was requested. */
  edits(): TextEdit[];
  /** Local names of the imports these edits add. */
  added(): string[];
}

export interface KitImportsArgs {
  ast: File;
  source: string;
  filePath: string;
  kit: KitLocation;
  moduleStyle: ModuleStyle;
}

/** What the file already has from the kit, and where new names can join it. */
interface ExistingKitBindings {
  locals: Map<string, string>;
  namespace?: string;
  /** An ESM import with a value binding, or a CommonJS destructuring require, to extend. */
  mergeInto?: { kind: 'named'; after: number } | { kind: 'default'; after: number };
}

/**
 * Imports of kit exports for one file. Names the file already imports or requires from the kit are
 * reused; new ones are added in one statement (merged into an existing kit import when there is one),
 * under an alias when the name is already taken in the file.
 */
export function createKitImports(args: KitImportsArgs): KitImports {
  const { ast, source, filePath, kit, moduleStyle } = args;
  const existing = findExistingKitBindings(ast, filePath, kit, moduleStyle);
  const requested = new Map<string, string>();
  let taken: Set<string> | undefined;

  return {
    useKitExport(name) {
      const local = existing.locals.get(name) ?? requested.get(name);
      if (local !== undefined) return local;
      if (existing.namespace !== undefined) return `${existing.namespace}.${name}`;
      taken ??= namesIn(ast);
      const chosen = pickFreeName(aliasCandidates(name), taken);
      requested.set(name, chosen);
      return chosen;
    },
    edits() {
      if (requested.size === 0) return [];
      const esm = moduleStyle === 'esm';
      const specifiers = [...requested].map(([name, local]) => {
        if (name === local) return name;
        return esm ? `${name} as ${local}` : `${name}: ${local}`;
      });
      const merge = existing.mergeInto;
      if (merge?.kind === 'named') return [{ start: merge.after, end: merge.after, text: `, ${specifiers.join(', ')}` }];
      if (merge?.kind === 'default') return [{ start: merge.after, end: merge.after, text: `, { ${specifiers.join(', ')} }` }];
      const firstName = [...requested.values()][0] as string;
      return [newStatementEdit(ast, source, esm, specifiers, kitSpecifierInFile(ast, filePath, kit), firstName, kit)];
    },
    added() {
      return [...requested.values()];
    },
  };
}

/** `reportError as reportAppError`, `logger as appLogger`; other names get a `kit` prefix. */
function aliasCandidates(name: string): string[] {
  const preferred: Record<string, string> = { reportError: 'reportAppError', logger: 'appLogger' };
  const alias =
    preferred[name] ?? (/^[A-Z]/.test(name) ? `Kit${name}` : `kit${name.charAt(0).toUpperCase()}${name.slice(1)}`);
  return [name, alias];
}

/**
 * What a file already imports or requires from the kit: local names by exported name, and the
 * namespace binding (`import * as errors`, `const errors = require(…)`) when there is one.
 */
export function kitBindingsOf(
  ast: File,
  filePath: string,
  kit: KitLocation,
  style: ModuleStyle,
): { locals: ReadonlyMap<string, string>; namespace?: string } {
  return findExistingKitBindings(ast, filePath, kit, style);
}

/** A top-level statement that takes values from the kit: an import (not `import type`), or a declaration of which this declarator requires it. */
export type KitStatement = { kind: 'import'; statement: ImportDeclaration } | { kind: 'require'; statement: VariableDeclaration; declarator: VariableDeclarator };

/** The file's kit imports and requires, in source order. */
export function kitStatementsOf(ast: File, filePath: string, kit: KitLocation): KitStatement[] {
  const found: KitStatement[] = [];
  for (const statement of ast.program.body) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.importKind !== 'type' && isKitSpecifier(statement.source.value, filePath, kit)) found.push({ kind: 'import', statement });
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const required = declarator.init == null ? undefined : requiredSpecifier(declarator.init);
        if (required !== undefined && isKitSpecifier(required, filePath, kit)) found.push({ kind: 'require', statement, declarator });
      }
    }
  }
  return found;
}

function findExistingKitBindings(ast: File, filePath: string, kit: KitLocation, style: ModuleStyle): ExistingKitBindings {
  const found: ExistingKitBindings = { locals: new Map() };
  for (const kitStatement of kitStatementsOf(ast, filePath, kit)) {
    if (kitStatement.kind === 'import') {
      readImport(kitStatement.statement, found, style);
      continue;
    }
    const { id } = kitStatement.declarator;
    if (id.type === 'Identifier') found.namespace ??= id.name;
    else if (id.type === 'ObjectPattern') readRequirePattern(id, found, style);
  }
  return found;
}

function readImport(declaration: ImportDeclaration, found: ExistingKitBindings, style: ModuleStyle): void {
  let lastNamed: number | undefined;
  let defaultEnd: number | undefined;
  for (const specifier of declaration.specifiers) {
    if (specifier.type === 'ImportNamespaceSpecifier') {
      found.namespace ??= specifier.local.name;
    } else if (specifier.type === 'ImportDefaultSpecifier') {
      defaultEnd = specifier.end ?? undefined;
    } else if (specifier.importKind !== 'type') {
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      if (!found.locals.has(imported)) found.locals.set(imported, specifier.local.name);
      lastNamed = specifier.end ?? undefined;
    } else {
      lastNamed = specifier.end ?? undefined;
    }
  }
  if (style !== 'esm' || found.mergeInto !== undefined) return;
  if (lastNamed !== undefined) found.mergeInto = { kind: 'named', after: lastNamed };
  else if (defaultEnd !== undefined && declaration.specifiers.length === 1) found.mergeInto = { kind: 'default', after: defaultEnd };
}

function readRequirePattern(pattern: ObjectPattern, found: ExistingKitBindings, style: ModuleStyle): void {
  let last: number | undefined;
  for (const property of pattern.properties) {
    // A rest element must stay last, so nothing can be added after it.
    if (property.type === 'RestElement') return;
    if (property.computed || property.key.type !== 'Identifier') continue;
    if (property.value.type === 'Identifier' && !found.locals.has(property.key.name)) {
      found.locals.set(property.key.name, property.value.name);
    }
    last = property.end ?? undefined;
  }
  if (style === 'cjs' && found.mergeInto === undefined && last !== undefined) found.mergeInto = { kind: 'named', after: last };
}

/** The specifier of `require('x')`, when `node` is exactly that call. */
function requiredSpecifier(node: Node): string | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const [first] = node.arguments;
  if (first?.type === 'StringLiteral') return first.value;
  if (first?.type === 'TemplateLiteral' && first.expressions.length === 0) return first.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function newStatementEdit(
  ast: File,
  source: string,
  esm: boolean,
  specifiers: string[],
  specifier: string,
  firstName: string,
  kit: KitLocation,
): TextEdit {
  const eol = lineEndingOf(source);
  const quote = specifierQuoteOf(ast, source);
  const semicolon = usesSemicolons(ast, source) ? ';' : '';
  const quoted = `${quote}${specifier}${quote}`;
  const statement = esm
    ? `import { ${specifiers.join(', ')} } from ${quoted}${semicolon}`
    : `const { ${specifiers.join(', ')} } = require(${quoted})${semicolon}`;

  const placement = placeImport(ast, source, esm, specifier, firstName, kit.importAlias, kit.importOrder, kit.importGroupsApart === true);
  if (placement.kind === 'after') {
    // After the statement and whatever trails it on its line (`// eslint-disable-line …`).
    const at = lineEndAt(source, endOf(placement.statement));
    return { start: at, end: at, text: eol + (placement.blankLineBefore ? eol : '') + statement };
  }
  if (placement.kind === 'before') {
    const at = startOfLeadingComments(ast, source, placement.statement);
    return { start: at, end: at, text: statement + eol + (placement.blankLineAfter ? eol : '') };
  }

  const position = afterPreamble(ast, source);
  if (position === 0) {
    const blankAfter = /^[ \t]*\r?\n/.test(source) || source.length === 0 ? '' : eol;
    return { start: 0, end: 0, text: statement + eol + blankAfter };
  }
  const followingLine = source.slice(nextLineStartAt(source, position), lineEndAt(source, nextLineStartAt(source, position)));
  const blankAfter = followingLine.trim() === '' ? '' : eol;
  return { start: position, end: position, text: eol + statement + blankAfter };
}

/** The start of the line where `statement` begins, or of the comment lines right above it, which belong to it. */
function startOfLeadingComments(ast: File, source: string, statement: Statement): number {
  let at = lineStartAt(source, startOf(statement));
  const comments = ast.comments ?? [];
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index] as Comment;
    if (endOf(comment) > at) continue;
    const between = source.slice(endOf(comment), at);
    if (!/^[ \t]*\r?\n$/.test(between) || !isFirstOnLine(source, startOf(comment))) break;
    at = lineStartAt(source, startOf(comment));
  }
  return at;
}

/**
 * Where a file's first import goes when it has none: after a shebang and directives (`'use strict'`),
 * after leading comments that stand apart from the code (a license header followed by a blank line),
 * and after file-level pragmas (`// @ts-check`, an `eslint-disable` comment, an `@jsx` pragma), which
 * only work before any code. A comment directly above the first statement documents (or suppresses a rule
 * for) that statement and stays attached to it.
 */
function afterPreamble(ast: File, source: string): number {
  let position = 0;
  const program = ast.program;
  if (program.interpreter?.end != null) position = program.interpreter.end;
  const lastDirective = program.directives[program.directives.length - 1];
  if (lastDirective?.end != null) position = Math.max(position, lastDirective.end);
  const firstStatementStart = program.body[0]?.start ?? source.length;
  const comments = ast.comments ?? [];
  for (let index = 0; index < comments.length; index++) {
    const comment = comments[index] as Comment;
    if (startOf(comment) < position) continue;
    if (endOf(comment) > firstStatementStart) break;
    // Comments come in source order, so the next code or comment is the next comment or the first statement.
    const next = comments[index + 1];
    const gap = source.slice(endOf(comment), Math.min(next === undefined ? source.length : startOf(next), firstStatementStart));
    if (/\n[ \t]*\r?\n/.test(gap) || FILE_PRAGMA.test(comment.value)) position = endOf(comment);
  }
  return position;
}

const FILE_PRAGMA = /@(?:ts-check|ts-nocheck|flow|noflow|jsx\w*|format|license|preserve)\b|eslint-disable(?!-next-line|-line)|^\s*(?:global|jshint|jslint|eslint-env)\s/;
