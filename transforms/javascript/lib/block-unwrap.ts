import type { Node, Statement, TryStatement } from '@babel/types';
import type { TextEdit } from '../../types.js';
import { namesIn } from './names.js';
import { endOf, startOf } from './range.js';
import { isFirstOnLine, isLastOnLine, lineStartAt, nextLineStartAt } from './source-style.js';
import { isFunctionNode, walk } from './walk.js';

/**
 * How removing a try/catch is spelled, as edits at original offsets. Whole-line deletions and
 * per-line dedents are kept apart from other edits so that nested unwraps (each dedenting the same
 * lines) can be combined without overlapping.
 */
export interface UnwrapEdits {
  edits: TextEdit[];
  /** Start offsets of lines to delete entirely (with their line break). */
  deletedLines: number[];
  /** Characters of leading whitespace to remove, by line start offset. */
  dedents: Map<number, number>;
}

/** Where a statement sits, which decides whether its contents can be spliced into the code around it. */
export interface StatementPlace {
  /** The statements the try statement is one of, when it is in a statement list. */
  siblings?: Statement[];
  /** Other names in the same scope: function parameters, a catch parameter, other switch cases. */
  scopeNodes: Node[];
}

/** Where `statement` is, from its ancestors (nearest last). */
export function placeOf(statement: Node, ancestors: readonly Node[]): StatementPlace {
  const parent = ancestors[ancestors.length - 1];
  const grandparent = ancestors[ancestors.length - 2];
  if (parent === undefined) return { scopeNodes: [] };
  if (parent.type === 'Program' || parent.type === 'BlockStatement' || parent.type === 'StaticBlock') {
    const scopeNodes: Node[] = [];
    if (grandparent !== undefined && isFunctionNode(grandparent) && 'params' in grandparent) scopeNodes.push(...grandparent.params);
    if (grandparent?.type === 'CatchClause' && grandparent.param != null) scopeNodes.push(grandparent.param);
    return { siblings: parent.body, scopeNodes };
  }
  if (parent.type === 'SwitchCase' && grandparent?.type === 'SwitchStatement') {
    // Declarations in any case share the switch's one block scope.
    const others = grandparent.cases.flatMap((switchCase) => switchCase.consequent.filter((s) => s !== statement));
    return { siblings: parent.consequent, scopeNodes: others };
  }
  return { scopeNodes: [] };
}

/**
 * Edits that turn `try { … } catch (e) { throw e; }` into its try block's statements, re-indented to
 * the try statement's level; or, when that would change what names refer to or how the code parses,
 * into a bare block `{ … }`. With a `finally`, only the catch clause goes.
 */
export function unwrapTry(tryStatement: TryStatement, place: StatementPlace, source: string): UnwrapEdits {
  const result: UnwrapEdits = { edits: [], deletedLines: [], dedents: new Map() };
  const block = tryStatement.block;
  const handler = tryStatement.handler;
  if (handler == null) return result;
  const removeHandler: TextEdit = { start: endOf(block), end: endOf(handler), text: '' };
  if (tryStatement.finalizer != null) {
    result.edits.push(removeHandler);
    return result;
  }
  const bareBlock = (): UnwrapEdits => {
    result.edits.push({ start: startOf(tryStatement), end: startOf(block), text: '' }, removeHandler);
    return result;
  };
  if (place.siblings === undefined || clashes(block.body, tryStatement, place) || splicingChangesParsing(tryStatement, place.siblings, source)) {
    return bareBlock();
  }
  const keyword = source.slice(startOf(tryStatement) + 'try'.length, startOf(block));
  if (keyword.trim() !== '') return bareBlock();

  const whole = source.slice(startOf(tryStatement), endOf(tryStatement));
  if (!whole.includes('\n')) {
    // On one line: keep the block's content, delete the text on either side of it.
    const inside = source.slice(startOf(block) + 1, endOf(block) - 1);
    if (inside.trim() === '') {
      if (isFirstOnLine(source, startOf(tryStatement)) && isLastOnLine(source, endOf(tryStatement))) {
        result.deletedLines.push(lineStartAt(source, startOf(tryStatement)));
      } else {
        result.edits.push({ start: startOf(tryStatement), end: endOf(tryStatement), text: '' });
      }
      return result;
    }
    const contentStart = startOf(block) + 1 + (inside.length - inside.trimStart().length);
    const contentEnd = endOf(block) - 1 - (inside.length - inside.trimEnd().length);
    // `try{a()}catch(e){throw e}return b` must not become `a()return b`.
    const last = block.body[block.body.length - 1];
    const separator = last !== undefined && !endsClosed(last, source) && !isLastOnLine(source, endOf(tryStatement)) ? ';' : '';
    result.edits.push({ start: startOf(tryStatement), end: contentStart, text: '' }, { start: contentEnd, end: endOf(tryStatement), text: separator });
    return result;
  }
  const closeBrace = endOf(block) - 1;
  const laidOutByLine =
    isFirstOnLine(source, startOf(tryStatement)) &&
    isLastOnLine(source, startOf(block) + 1) &&
    isFirstOnLine(source, closeBrace) &&
    isLastOnLine(source, endOf(handler));
  if (!laidOutByLine) return bareBlock();

  result.deletedLines.push(lineStartAt(source, startOf(tryStatement)));
  for (let line = lineStartAt(source, closeBrace); line < nextLineStartAt(source, endOf(handler)); line = nextLineStartAt(source, line)) {
    result.deletedLines.push(line);
  }
  const outer = leadingWhitespace(source, lineStartAt(source, startOf(tryStatement)));
  const firstContentLine = nextLineStartAt(source, startOf(block));
  const lastContentLine = lineStartAt(source, closeBrace);
  const inner = firstIndentedWidth(source, firstContentLine, lastContentLine);
  const depth = inner - outer;
  if (depth <= 0) return result;
  const literals = multiLineLiterals(block, source);
  for (let line = firstContentLine; line < lastContentLine; line = nextLineStartAt(source, line)) {
    if (literals.some(([start, end]) => start < line && line <= end)) continue;
    const removable = Math.min(depth, leadingWhitespace(source, line));
    if (removable > 0) result.dedents.set(line, removable);
  }
  return result;
}

/**
 * Combines the unwraps of several try statements (some nested in others) into edits that do not
 * overlap: deleted lines win over dedents of the same line, dedents of one line add up. Other edits
 * only ever delete text around a block's content, so nested ones sit side by side.
 */
export function combineUnwraps(unwraps: UnwrapEdits[], source: string): TextEdit[] {
  const deleted = new Set(unwraps.flatMap((unwrap) => unwrap.deletedLines));
  const dedents = new Map<number, number>();
  for (const unwrap of unwraps) {
    for (const [line, width] of unwrap.dedents) {
      if (!deleted.has(line)) dedents.set(line, (dedents.get(line) ?? 0) + width);
    }
  }
  return [
    ...[...deleted].map((line) => ({ start: line, end: nextLineStartAt(source, line), text: '' })),
    ...[...dedents].map(([line, width]) => ({ start: line, end: line + Math.min(width, leadingWhitespace(source, line)), text: '' })),
    ...unwraps.flatMap((unwrap) => unwrap.edits),
  ];
}

function leadingWhitespace(source: string, lineStart: number): number {
  let i = lineStart;
  while (source[i] === ' ' || source[i] === '\t') i++;
  return i - lineStart;
}

/** Indentation of the first non-blank line in [from, to). */
function firstIndentedWidth(source: string, from: number, to: number): number {
  for (let line = from; line < to; line = nextLineStartAt(source, line)) {
    const width = leadingWhitespace(source, line);
    const next = source[line + width];
    if (next !== '\n' && next !== '\r' && next !== undefined) return width;
  }
  return 0;
}

/** String and template text that spans lines: re-indenting inside it would change the string. */
function multiLineLiterals(block: Node, source: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  walk(block, (node) => {
    if (node.type !== 'TemplateElement' && node.type !== 'StringLiteral') return;
    if (source.slice(startOf(node), endOf(node)).includes('\n')) ranges.push([startOf(node), endOf(node)]);
  });
  return ranges;
}

/** Names the try block declares with block scope (let, const, class, function, and TypeScript's enums and types). */
function blockScopedNames(statements: Statement[]): Set<string> {
  const names = new Set<string>();
  for (const statement of statements) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration == null) continue;
    if (declaration.type === 'VariableDeclaration') {
      if (declaration.kind === 'var') continue;
      for (const declarator of declaration.declarations) for (const name of namesIn(declarator.id)) names.add(name);
    } else if ('id' in declaration && declaration.id != null && declaration.id.type === 'Identifier') {
      names.add(declaration.id.name);
    }
  }
  return names;
}

/** Whether moving the try block's declarations into the enclosing scope would collide with, or capture, a name there. */
function clashes(statements: Statement[], tryStatement: Node, place: StatementPlace): boolean {
  const declared = blockScopedNames(statements);
  if (declared.size === 0) return false;
  const nearby = [...(place.siblings ?? []).filter((sibling) => sibling !== tryStatement), ...place.scopeNodes];
  return nearby.some((node) => {
    const used = namesIn(node);
    return [...declared].some((name) => used.has(name));
  });
}

const STARTS_CONTINUATION = /^[([`+\-/]/;

/**
 * Without the braces, code written without semicolons can join its neighbours: `a()` followed by
 * `(b || c).d()` reads as one call; and a leading string statement can turn into a directive. Such
 * splices keep their braces.
 */
function splicingChangesParsing(tryStatement: TryStatement, siblings: Statement[], source: string): boolean {
  const body = tryStatement.block.body;
  const first = body[0];
  const last = body[body.length - 1];
  if (first === undefined || last === undefined) return false;
  const index = siblings.indexOf(tryStatement as Statement);
  // A string statement first in a function or file would become a directive (`'use strict'`).
  if (index === 0 && first.type === 'ExpressionStatement' && first.expression.type === 'StringLiteral') return true;
  const before = siblings[index - 1];
  const after = siblings[index + 1];
  if (before !== undefined && !endsClosed(before, source) && STARTS_CONTINUATION.test(source.slice(startOf(first), startOf(first) + 1))) {
    return true;
  }
  if (after !== undefined && !endsClosed(last, source) && STARTS_CONTINUATION.test(source.slice(startOf(after), startOf(after) + 1))) {
    return true;
  }
  return false;
}

function endsClosed(statement: Node, source: string): boolean {
  const lastChar = source[endOf(statement) - 1];
  return lastChar === ';' || lastChar === '}';
}
