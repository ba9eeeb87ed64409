/**
 * A `try` whose every `except` only re-raises what it caught does nothing a plain block would not:
 * the exception goes on as it came. The fix removes the handlers: the block's statements move out
 * of the `try` (one indentation level less), or, with a `finally`, the `try`/`finally` stays.
 */
import type { Finding, FixResult, TextEdit } from '../types.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { exceptParts, statementsOf } from './lib/nodes.js';
import type { PythonNode } from './lib/parser.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'useless-try-except',
  title: 'Try whose handlers only re-raise',
  description: 'removes except clauses that only re-raise the caught exception (the try is kept when it has a finally)',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    uselessTryExcept: 'Every handler of this try only re-raises what it caught; the try/except does nothing.',
  },
  docs: 'docs/rules/python/useless-try-except.md',
  equivalents: ['TRY203', 'W0706'],
  pylintNames: ['try-except-raise'],
};

export function mightMatch(source: string): boolean {
  return source.includes('except') && source.includes('raise');
}

/** The handler's only statement re-raises what it caught: `raise`, or `raise err` of its own name. */
function onlyReRaises(clause: PythonNode): boolean {
  const parts = exceptParts(clause);
  const statements = statementsOf(parts.body);
  if (statements.length !== 1 || statements[0]?.type !== 'raise_statement') return false;
  const raise = statements[0];
  if (raise.namedChildCount === 0) return true;
  const raised = raise.namedChild(0);
  return raise.namedChildCount === 1 && raised?.type === 'identifier' && parts.name !== undefined && raised.text === parts.name.text;
}

interface Site {
  statement: PythonNode;
  handlers: PythonNode[];
  reason?: string;
}

function sitesOf(ctx: PythonContext): Site[] {
  const sites: Site[] = [];
  for (const statement of ctx.root.descendantsOfType('try_statement')) {
    if (statement === null) continue;
    const handlers = statement.children.filter((child): child is PythonNode => child?.type === 'except_clause');
    if (handlers.length === 0 || !handlers.every(onlyReRaises)) continue;
    sites.push({ statement, handlers, reason: reasonLeftAlone(statement, handlers, ctx) });
  }
  return sites;
}

function reasonLeftAlone(statement: PythonNode, handlers: PythonNode[], ctx: PythonContext): string | undefined {
  const body = statement.childForFieldName('body');
  const colon = statement.children.find((child) => child?.type === ':');
  // Comments on their own lines between `try:` and the first statement belong to the block.
  const blockStart = colon === undefined || colon === null ? statement.startIndex : nextLineStart(ctx.source, colon.endIndex);
  const outsideBody = (comment: PythonNode | null): boolean => comment !== null && (body === null || comment.startIndex < blockStart || comment.startIndex >= body.endIndex);
  if (statement.descendantsOfType('comment').some(outsideBody)) {
    return 'a comment on the try line or in a handler would be lost; remove the handlers by hand if it is not needed';
  }
  const hasFinally = statement.children.some((child) => child?.type === 'finally_clause');
  const hasElse = statement.children.some((child) => child?.type === 'else_clause');
  if (hasElse && !hasFinally) return 'its else block would have to join the try block; rewrite it by hand';
  if (hasElse) return 'a try with else needs an except clause; rewrite it by hand';
  if (hasFinally) return undefined;
  return dedentProblem(statement, ctx);
}

export function detect(ctx: PythonContext): Finding[] {
  const findings = sitesOf(ctx).map((site) =>
    pythonFinding(meta, 'uselessTryExcept', site.handlers[0] as PythonNode, ctx, site.reason === undefined ? { fixable: true } : { fixable: false, reason: site.reason }),
  );
  return withoutSuppressedPython(findings, meta, ctx);
}

export function fix(ctx: PythonContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable).map((finding) => finding.start));
  const edits: TextEdit[] = [];
  for (const site of sitesOf(ctx)) {
    const first = site.handlers[0] as PythonNode;
    if (site.reason !== undefined || !wanted.has(first.startIndex)) continue;
    const hasFinally = site.statement.children.some((child) => child?.type === 'finally_clause');
    if (hasFinally) edits.push(...removeHandlers(site.handlers, ctx));
    else edits.push(...unwrap(site.statement, ctx));
  }
  return { edits };
}

/** Start of the line holding `offset`. */
function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line break ending the line that holds `offset` (or the end of the text). */
function nextLineStart(source: string, offset: number): number {
  const at = source.indexOf('\n', offset);
  return at === -1 ? source.length : at + 1;
}

/** The except clauses deleted line by line, from the first one's line to the end of the last one's. */
function removeHandlers(handlers: PythonNode[], ctx: PythonContext): TextEdit[] {
  const first = handlers[0] as PythonNode;
  const last = handlers[handlers.length - 1] as PythonNode;
  return [{ start: lineStart(ctx.source, first.startIndex), end: nextLineStart(ctx.source, last.endIndex), text: '' }];
}

interface Layout {
  /** Indentation of the `try` line. */
  outer: string;
  /** Indentation of the block's lines. */
  inner: string;
  /** Start of the line after `try:` (comments there belong to the block), end of the block's last line. */
  bodyStart: number;
  bodyEnd: number;
}

function layoutOf(statement: PythonNode, ctx: PythonContext): Layout | string {
  const { source } = ctx;
  const body = statement.childForFieldName('body');
  if (body === null) return 'the try block could not be found';
  const tryLine = lineStart(source, statement.startIndex);
  const outer = source.slice(tryLine, statement.startIndex);
  if (outer.trim() !== '') return 'the try shares its line with other code';
  const firstLine = lineStart(source, body.startIndex);
  if (firstLine <= tryLine) return 'the try block is on the same line as try:';
  const inner = source.slice(firstLine, body.startIndex);
  if (inner.trim() !== '' || !inner.startsWith(outer) || inner.length <= outer.length) return 'the try block is not indented below try:';
  const colon = statement.children.find((child) => child?.type === ':');
  const bodyStart = colon === undefined || colon === null ? firstLine : nextLineStart(source, colon.endIndex);
  return { outer, inner, bodyStart, bodyEnd: nextLineStart(source, body.endIndex) };
}

/**
 * Why the block cannot move one level out by removing the extra indentation from each of its lines:
 * a string over several lines would change its value, and a line not indented like the block (a
 * continuation inside brackets) would need judgement.
 */
function dedentProblem(statement: PythonNode, ctx: PythonContext): string | undefined {
  const layout = layoutOf(statement, ctx);
  if (typeof layout === 'string') return layout;
  const body = statement.childForFieldName('body') as PythonNode;
  for (const string of body.descendantsOfType(['string', 'concatenated_string'])) {
    if (string !== null && string.startPosition.row !== string.endPosition.row) return 'a string in the block spans several lines, and moving it would change its value';
  }
  for (const line of ctx.source.slice(layout.bodyStart, layout.bodyEnd).split('\n')) {
    if (line.trim() !== '' && !line.startsWith(layout.inner)) return 'a line of the block is not indented like the block';
  }
  return undefined;
}

/** The `try:` line and the handlers removed, the block's lines one level out. */
function unwrap(statement: PythonNode, ctx: PythonContext): TextEdit[] {
  const layout = layoutOf(statement, ctx) as Layout;
  const { source } = ctx;
  const edits: TextEdit[] = [{ start: lineStart(source, statement.startIndex), end: layout.bodyStart, text: '' }];
  for (let at = layout.bodyStart; at < layout.bodyEnd; at = nextLineStart(source, at)) {
    if (source.startsWith(layout.inner, at)) edits.push({ start: at, end: at + layout.inner.length, text: layout.outer });
  }
  edits.push({ start: layout.bodyEnd, end: nextLineStart(source, statement.endIndex), text: '' });
  return edits;
}
