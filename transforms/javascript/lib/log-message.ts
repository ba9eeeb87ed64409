import type { Node } from '@babel/types';
import { isDerivedFromError, mentions } from './error-expressions.js';
import { endOf, startOf } from './range.js';
import { quoteString } from './source-style.js';

/** One piece of a message: literal text, code to interpolate, or a part about the error, left out. */
export type Piece = { kind: 'text'; value: string } | { kind: 'code'; code: string } | { kind: 'dropped' };

export type MessageOutcome = { ok: true; pieces: Piece[] } | { ok: false; reason: string };

/**
 * Whether `node` is text: a string literal, a template literal, or a `+` chain that is string
 * concatenation from its first operation on (`'a' + b`, `a + 'b' + c`, not `a + b + 'c'`).
 */
export function isTextExpression(node: Node): boolean {
  if (node.type === 'StringLiteral' || node.type === 'TemplateLiteral') return true;
  if (node.type !== 'BinaryExpression' || node.operator !== '+') return false;
  const operands = plusOperands(node);
  return operands.slice(0, 2).some((operand) => operand.type === 'StringLiteral' || operand.type === 'TemplateLiteral');
}

/**
 * The pieces of a text expression. Parts that only read the caught error (`err.message`, `${err}`)
 * are marked dropped, since the whole error is logged instead; a part that computes something else
 * from the error cannot be kept or dropped safely.
 */
export function messagePieces(node: Node, source: string, errorName: string): MessageOutcome {
  const pieces: Piece[] = [];
  const addCode = (expression: Node): string | undefined => {
    if (isDerivedFromError(expression, errorName)) pieces.push({ kind: 'dropped' });
    else if (mentions(expression, errorName)) return `\`${source.slice(startOf(expression), endOf(expression))}\` computes something from the error`;
    else pieces.push({ kind: 'code', code: source.slice(startOf(expression), endOf(expression)) });
    return undefined;
  };
  const operands = node.type === 'BinaryExpression' ? plusOperands(node) : [node];
  for (const operand of operands) {
    if (operand.type === 'StringLiteral') {
      pieces.push({ kind: 'text', value: operand.value });
    } else if (operand.type === 'TemplateLiteral') {
      for (let i = 0; i < operand.quasis.length; i++) {
        const quasi = operand.quasis[i];
        if (quasi === undefined) continue;
        if (quasi.value.cooked == null) return { ok: false, reason: 'the template has an invalid escape sequence' };
        pieces.push({ kind: 'text', value: quasi.value.cooked });
        const expression = operand.expressions[i];
        if (expression !== undefined) {
          const problem = addCode(expression);
          if (problem !== undefined) return { ok: false, reason: problem };
        }
      }
    } else {
      const problem = addCode(operand);
      if (problem !== undefined) return { ok: false, reason: problem };
    }
  }
  const woven = wovenDrop(pieces);
  if (woven !== undefined) return { ok: false, reason: `the error's text is woven into the message (${woven}); rewrite it by hand` };
  return { ok: true, pieces: withoutDroppedSeparators(pieces) };
}

const FREE_BEFORE = /[\s:;,(\[\-\u2013\u2014]$/;
const FREE_AFTER = /^[\s.,;:)\]\-\u2013\u2014!?]/;

/**
 * Where an error part sits inside a word or markup (`name="${err.message}"`, `code=${e.code}`), taking
 * it out leaves text that no longer means anything: such messages are not rewritten. The offending
 * text is returned.
 */
function wovenDrop(pieces: Piece[]): string | undefined {
  for (const [index, piece] of pieces.entries()) {
    if (piece.kind !== 'dropped') continue;
    const before = pieces[index - 1];
    const after = pieces[index + 1];
    if (before?.kind === 'text' && before.value !== '' && !FREE_BEFORE.test(before.value)) return `…${before.value.slice(-12)}`;
    if (after?.kind === 'text' && after.value !== '' && !FREE_AFTER.test(after.value)) return `${after.value.slice(0, 12)}…`;
  }
  return undefined;
}

function plusOperands(node: Node): Node[] {
  if (node.type === 'BinaryExpression' && node.operator === '+') return [...plusOperands(node.left), node.right];
  return [node];
}

// The lookbehinds start a match only where a run begins: without them every offset inside a long run
// scanned the rest of it again before failing at its end.
const SEPARATOR_BEFORE = /(?<![\s:;,|=\-\u2013\u2014(["'`])[\s:;,|=\-\u2013\u2014(["'`]*$/;
const SEPARATOR_AFTER = /^[\s:;,|\-\u2013\u2014)\]"'`.]*/;

/**
 * Text with the error's parts taken out reads well: `'Failed: ' + err.message` becomes `Failed`,
 * `Failed (${err.message}), retrying` becomes `Failed retrying`… without the dangling punctuation.
 */
function withoutDroppedSeparators(pieces: Piece[]): Piece[] {
  const result: Piece[] = [];
  let afterDropped = false;
  for (const piece of pieces) {
    if (piece.kind === 'dropped') {
      const previous = result[result.length - 1];
      if (previous?.kind === 'text') previous.value = previous.value.replace(SEPARATOR_BEFORE, '');
      afterDropped = true;
      continue;
    }
    if (piece.kind === 'text') {
      let value = piece.value;
      if (afterDropped) {
        value = value.replace(SEPARATOR_AFTER, '');
        const previous = result[result.length - 1];
        if (value !== '' && previous !== undefined && !(previous.kind === 'text' && previous.value === '')) value = ` ${value}`;
      }
      result.push({ kind: 'text', value });
    } else {
      if (afterDropped && result.length > 0) result.push({ kind: 'text', value: ' ' });
      result.push(piece);
    }
    afterDropped = false;
  }
  return result;
}

/**
 * Several text arguments, as console would print them (joined by spaces), as one expression:
 * a string literal, or a template literal when code is interpolated. Undefined when nothing is left.
 */
export function renderMessage(parts: Piece[][], quote: "'" | '"'): string | undefined {
  const pieces: Piece[] = [];
  for (const part of parts) {
    const trimmed = trimPieces(part);
    if (trimmed.length === 0) continue;
    if (pieces.length > 0) pieces.push({ kind: 'text', value: ' ' });
    pieces.push(...trimmed);
  }
  // A separator that introduced the error (`'Failed:', err`) has nothing left to introduce.
  const last = pieces[pieces.length - 1];
  if (last?.kind === 'text') {
    last.value = last.value.replace(/(?<![\s:;,\-\u2013\u2014])[\s:;,\-\u2013\u2014]+$/, '');
    if (last.value === '') pieces.pop();
  }
  if (pieces.length === 0) return undefined;
  if (pieces.every((piece) => piece.kind === 'text')) {
    return quoteString(pieces.map((piece) => (piece.kind === 'text' ? piece.value : '')).join(''), quote);
  }
  const body = pieces
    .map((piece) => (piece.kind === 'text' ? escapeTemplateText(piece.value) : piece.kind === 'code' ? `\${${piece.code}}` : ''))
    .join('');
  return `\`${body}\``;
}

function trimPieces(pieces: Piece[]): Piece[] {
  const copy = pieces.filter((piece) => piece.kind !== 'dropped').map((piece) => ({ ...piece }));
  const first = copy[0];
  if (first?.kind === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = copy[copy.length - 1];
  if (last?.kind === 'text') last.value = last.value.replace(/(?<!\s)\s+$/, '');
  return copy.filter((piece) => piece.kind !== 'text' || piece.value !== '');
}

function escapeTemplateText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n');
}

/** Whether the text has printf-style placeholders (`%s`, `%d`, `%o` …), which console fills from later arguments. */
export function hasPlaceholders(pieces: Piece[]): boolean {
  return pieces.some((piece) => piece.kind === 'text' && /%[sdifjoOc]/.test(piece.value));
}
