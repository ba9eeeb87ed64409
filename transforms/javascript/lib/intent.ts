/**
 * Intent: what a catch's author said about it without writing code. A binding named to be ignored,
 * a lint-disable for the empty block, a comment next to it, or a probe in the try block (see
 * probe.ts) each say "this failure is expected": transforms leave such a catch alone and audit lists
 * it for information, with the reason.
 */
import type { CatchClause, Comment, File, Node } from '@babel/types';
import { CLEANUP_OUTCOME, probeOfCatch, type ProbeScope } from './probe.js';
import { endOf, startOf } from './range.js';
import { lineEndAt, lineStartAt } from './source-style.js';

/** `_`, `_e`, `_unused`, `ignore`, `ignored`, `ignoredError`, `unused`, `expected`, `noop`. */
export const IGNORED_NAME = /^(_\w*|ignored?(?:[A-Z_]\w*)?|unused\w*|expected\w*|noop)$/;

/** Lint directives that excuse an empty block, or a line, or everything. */
const LINT_DISABLE = /^\s*(?:eslint-disable(?:-next-line|-line)?(?:\s+[^\s].*)?|biome-ignore\b.*|istanbul\s+ignore\b.*|c8\s+ignore\b.*|v8\s+ignore\b.*|oxlint-disable(?:-next-line|-line)?\b.*|deno-lint-ignore\b.*|jshint\b.*|tslint:disable.*)$/s;
/** Which rules an eslint-style directive names; none means all of them. */
const DIRECTIVE_RULES = /^\s*(?:eslint|oxlint)-disable(?:-next-line|-line)?\s*([^-\s][^]*?)?(?:\s--\s.*)?$/s;
const EMPTY_BLOCK_RULES = /(^|[\s,/])(no-empty|no-empty-function|noEmptyBlockStatements|no-empty-pattern|no-unused-vars)\b/;

/** A finding-ready reason for leaving the catch alone, or undefined when nothing marks it as deliberate. */
export function catchIntent(clause: CatchClause, tryStatement: Node | undefined, ast: File, source: string, scope: ProbeScope): string | undefined {
  const param = clause.param;
  if (param?.type === 'Identifier' && IGNORED_NAME.test(param.name)) {
    return `the binding \`${param.name}\` is named to be ignored, so the catch is deliberate`;
  }
  const directive = lintDirectiveOn(clause, ast, source);
  if (directive !== undefined) return `\`${directive}\` marks the catch as deliberate`;
  if (explainingComment(clause, ast, source) !== undefined) return 'a comment explains the catch';
  if (tryStatement?.type === 'TryStatement' && failureComment(tryStatement.block, ast) !== undefined) return 'a comment in the try block says its failure is expected';
  if (tryStatement?.type === 'TryStatement' && EXPECTED_FAILURE.test(commentAbove(tryStatement, source))) return 'a comment above the try says its failure is expected';
  const probe = probeOfCatch(clause, tryStatement, scope);
  if (probe !== undefined) {
    if (probe.kind === 'predicate') return 'the try/catch is a yes/no test: failing is its "no"';
    if (probe.kind === 'cleanup') return `the try block cleans up with \`${probe.operation}\`, and ${CLEANUP_OUTCOME}`;
    return `the try block probes with \`${probe.operation}\`, whose failure is an expected answer (narrow-catch can rethrow the unexpected ones)`;
  }
  return undefined;
}

/** Whether a comment is a lint or coverage directive that excuses an empty block. */
export function isEmptyBlockDirective(comment: Pick<Comment, 'value'>): boolean {
  const text = comment.value.replace(/^\*+/, '').trim();
  if (!LINT_DISABLE.test(text)) return false;
  const rules = DIRECTIVE_RULES.exec(text);
  if (rules === null) return true;
  const named = rules[1]?.trim();
  return named === undefined || named === '' || EMPTY_BLOCK_RULES.test(named);
}

/**
 * A directive excusing the empty block: inside it, on the `catch` line, on the line before, or a
 * file-wide `/* eslint-disable no-empty *\/` at the top level.
 */
function lintDirectiveOn(clause: CatchClause, ast: File, source: string): string | undefined {
  const near = nearbyRange(clause, source);
  for (const comment of ast.comments ?? []) {
    if (!isEmptyBlockDirective(comment)) continue;
    const start = startOf(comment);
    const fileWide = comment.type === 'CommentBlock' && /^\s*eslint-disable\s/.test(comment.value) && !/-line/.test(comment.value);
    if ((start >= near.start && start < near.end) || (fileWide && start < startOf(clause))) return comment.value.trim().replace(/\s+/g, ' ');
  }
  return undefined;
}

/** A comment that is not a directive, in the block, on the `catch` line or on the line before it. */
function explainingComment(clause: CatchClause, ast: File, source: string): Comment | undefined {
  const near = nearbyRange(clause, source);
  return (ast.comments ?? []).find((comment) => {
    const start = startOf(comment);
    return start >= near.start && start < near.end && !/faultline-ignore/.test(comment.value) && comment.value.trim() !== '';
  });
}

/** Words a comment uses to say that what it precedes may fail, and that it does not matter. */
const EXPECTED_FAILURE = /\b(can|may|might|could|will)\s+(fail|throw|not exist|be missing)|\bnot critical\b|\bbest[- ]effort\b|\bignore[sd]?\b|\boptional\b|\bif (it )?(exists|present)\b|\bdoesn'?t matter\b/i;

/** A comment inside the try block that says its failure is expected: `// os.userInfo can fail on some systems`. */
function failureComment(block: Node, ast: File): Comment | undefined {
  const start = startOf(block);
  const end = endOf(block);
  return (ast.comments ?? []).find((comment) => startOf(comment) > start && startOf(comment) < end && EXPECTED_FAILURE.test(comment.value));
}

/** A line that only opens a function whose body the next line starts: `(async () => {`, `function open() {`. */
const FUNCTION_OPENER = /^\s*(?:\(\s*)?(?:async\s+)?(?:\([^()]*\)|\w+)\s*=>\s*\{\s*$|^\s*(?:async\s+)?function\b[^{]*\{\s*$/;
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*)/;

/**
 * The own-line comments directly above the try (or above the function it is the first statement
 * of: `// ignore errors if the browser fails to open` over `(async () => { try { … } catch {} })()`).
 */
function commentAbove(tryStatement: Node, source: string): string {
  let lineStart = lineStartAt(source, startOf(tryStatement));
  if (source.slice(lineStart, startOf(tryStatement)).trim() !== '') return '';
  const previous = (start: number): [string, number] | undefined => {
    if (start === 0) return undefined;
    const from = lineStartAt(source, start - 1);
    return [source.slice(from, start - 1), from];
  };
  let line = previous(lineStart);
  if (line !== undefined && FUNCTION_OPENER.test(line[0])) {
    lineStart = line[1];
    line = previous(lineStart);
  }
  const comments: string[] = [];
  while (line !== undefined && COMMENT_LINE.test(line[0])) {
    // A directive speaks to a tool (`faultline-ignore other-rule`, `eslint-disable-next-line`), not about the failure.
    if (!/faultline-ignore|eslint-|biome-ignore|istanbul|c8 ignore|@ts-/.test(line[0])) comments.unshift(line[0]);
    line = previous(line[1]);
  }
  return comments.join('\n');
}

/** From the start of the line before the `catch` line to the end of the line the block closes on. */
function nearbyRange(clause: CatchClause, source: string): { start: number; end: number } {
  const lineStart = lineStartAt(source, startOf(clause));
  const start = lineStart === 0 ? 0 : lineStartAt(source, lineStart - 1);
  return { start, end: lineEndAt(source, endOf(clause.body)) };
}
