import type { LintProblem } from '../project/linter.js';
import { endOf, forEachChild, parseModule, startOf, type t } from './babel-ast.js';

/**
 * The kit writes its exported functions first and the helpers they call below them. A project
 * whose linter wants every name declared before it is used (`no-use-before-define` with
 * `functions: true`, as airbnb configures it) reports each call of a helper. A function
 * declaration is hoisted whole, so moving it above its first use changes nothing it does: the
 * kit then reads top-down, as that project's own files do. Interfaces and type aliases move the
 * same way (a type has no place in the running code at all: the base rule, which airbnb applies to
 * TypeScript files too, still reports them). Only those declarations move, and only the ones the
 * linter names; a declaration keeps its comments, and a name declared twice, overloaded or used
 * before it in a way no move can satisfy stays where it is.
 */
const RULES = new Set(['no-use-before-define', '@typescript-eslint/no-use-before-define', 'ts/no-use-before-define']);

export function usedBeforeDefined(problem: LintProblem): string | undefined {
  if (problem.ruleId === null || !RULES.has(problem.ruleId)) return undefined;
  return /^'([A-Za-z_$][\w$]*)' was used before it was defined/.exec(problem.message)?.[1];
}

/** The text with each named function declared above the first statement of its scope that uses it; undefined when nothing moved. */
export function declareFunctionsBeforeUse(text: string, fileName: string, problems: LintProblem[]): string | undefined {
  const names = [...new Set(problems.map(usedBeforeDefined).filter((name): name is string => name !== undefined))];
  let current = text;
  let moved = false;
  for (const name of names) {
    const next = hoistOnce(current, fileName, name);
    if (next !== undefined) {
      current = next;
      moved = true;
    }
  }
  return moved ? current : undefined;
}

function hoistOnce(text: string, fileName: string, name: string): string | undefined {
  let ast: t.File;
  try {
    ast = parseModule(text, fileName, { typescript: /\.[cm]?tsx?$/.test(fileName) });
  } catch {
    return undefined;
  }
  for (const list of statementLists(ast.program)) {
    const declared = list.flatMap((statement, index) => (declaredFunction(statement) === name ? [index] : []));
    if (declared.length !== 1) continue;
    const at = declared[0]!;
    if (list.some((statement) => isOverload(statement, name))) return undefined;
    const firstUse = list.findIndex((statement, index) => index !== at && references(statement, name));
    if (firstUse === -1 || firstUse > at) continue;
    return moveStatement(text, list, at, firstUse);
  }
  return undefined;
}

/** Every list of statements in the file: the module's body and each block's. */
function statementLists(program: t.Program): t.Statement[][] {
  const lists: t.Statement[][] = [program.body];
  const visit = (node: t.Node): void => {
    if (node.type === 'BlockStatement') lists.push(node.body);
    forEachChild(node, visit);
  };
  forEachChild(program, visit);
  return lists;
}

/** The name a hoisted declaration gives: a function's, an interface's or a type alias's. */
function declaredFunction(statement: t.Statement): string | undefined {
  const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
  if (declaration?.type === 'FunctionDeclaration') return declaration.id?.name;
  if (declaration?.type === 'TSInterfaceDeclaration' || declaration?.type === 'TSTypeAliasDeclaration') return declaration.id.name;
  return undefined;
}

function isOverload(statement: t.Statement, name: string): boolean {
  const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
  return declaration?.type === 'TSDeclareFunction' && declaration.id?.name === name;
}

/** Whether `node` mentions `name` as a value or type (a property name or object key does not count). */
function references(node: t.Node, name: string): boolean {
  let found = false;
  const visit = (child: t.Node, key: string, parent: t.Node): void => {
    if (found) return;
    if (child.type === 'Identifier' && child.name === name) {
      const isPropertyName =
        ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && key === 'property' && !parent.computed) ||
        ((parent.type === 'ObjectProperty' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod' || parent.type === 'ClassProperty') && key === 'key' && !parent.computed && !(parent.type === 'ObjectProperty' && parent.shorthand));
      if (!isPropertyName) {
        found = true;
        return;
      }
    }
    forEachChild(child, (grandchild, childKey) => visit(grandchild, childKey, child));
  };
  forEachChild(node, (child, key) => visit(child, key, node));
  return found;
}

/**
 * Moves statement `from` (with the comments that sit directly above it) to just above statement
 * `to` and the comments directly above that one, with a blank line after it; the blank lines
 * that preceded it are left to the neighbours.
 */
function moveStatement(text: string, list: t.Statement[], from: number, to: number): string {
  const moving = list[from]!;
  const chunkStart = lineStart(text, attachedStart(text, moving));
  const chunkEnd = lineEnd(text, endOf(moving));
  const chunk = text.slice(chunkStart, chunkEnd);
  // The blank lines above the moved chunk go with it, so its old place keeps one gap, not two.
  let removeFrom = chunkStart;
  while (removeFrom > 0 && /^[ \t]*\r?\n$/.test(text.slice(lineStart(text, removeFrom - 1), removeFrom))) removeFrom = lineStart(text, removeFrom - 1);
  const insertAt = lineStart(text, attachedStart(text, list[to]!));
  const indent = /^[ \t]*/.exec(text.slice(insertAt))![0];
  const movingIndent = /^[ \t]*/.exec(chunk)![0];
  const reindented = movingIndent === indent ? chunk : chunk.replace(new RegExp(`^${movingIndent}`, 'gm'), indent);
  const withoutChunk = text.slice(0, removeFrom) + text.slice(chunkEnd);
  return withoutChunk.slice(0, insertAt) + reindented + '\n' + withoutChunk.slice(insertAt);
}

/** Where a statement begins together with the comments directly above it (no blank line between). */
function attachedStart(text: string, statement: t.Statement): number {
  let start = startOf(statement);
  const comments = [...(statement.leadingComments ?? [])].reverse();
  for (const comment of comments) {
    const gap = text.slice(endOf(comment), start);
    if (!/^[ \t]*\r?\n?[ \t]*$/.test(gap)) break;
    start = startOf(comment);
  }
  return start;
}

function lineStart(text: string, position: number): number {
  return text.lastIndexOf('\n', position - 1) + 1;
}

/** Just past the newline that ends the line holding `position`. */
function lineEnd(text: string, position: number): number {
  const newline = text.indexOf('\n', position);
  return newline === -1 ? text.length : newline + 1;
}

/**
 * Functions that call each other cannot both be declared before the other's call. What the linter
 * still reports about a function declared in the file after the moves is such a recursion: the
 * line says so where it happens, as a maintainer would, since hoisting makes the call safe.
 */
export function withRecursionExcused(text: string, fileName: string, problems: LintProblem[]): string | undefined {
  let ast: t.File;
  try {
    ast = parseModule(text, fileName, { typescript: /\.[cm]?tsx?$/.test(fileName) });
  } catch {
    return undefined;
  }
  const functions = new Set(statementLists(ast.program).flatMap((list) => list.map(declaredFunction).filter((name): name is string => name !== undefined)));
  const byLine = new Map<number, Set<string>>();
  for (const problem of problems) {
    const name = usedBeforeDefined(problem);
    if (name === undefined || !functions.has(name)) continue;
    const rules = byLine.get(problem.line) ?? new Set<string>();
    rules.add(problem.ruleId!);
    byLine.set(problem.line, rules);
  }
  if (byLine.size === 0) return undefined;
  const lines = text.split('\n');
  for (const lineNumber of [...byLine.keys()].sort((a, b) => b - a)) {
    const indent = /^[ \t]*/.exec(lines[lineNumber - 1] ?? '')![0];
    lines.splice(lineNumber - 1, 0, `${indent}// eslint-disable-next-line ${[...byLine.get(lineNumber)!].join(', ')} -- these functions call each other; declarations are hoisted`);
  }
  return lines.join('\n');
}
