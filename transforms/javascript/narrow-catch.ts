/**
 * narrow-catch: a catch around a probe (lib/probe.ts) means to catch one answer — "no such file",
 * "not installed", "not JSON" — but catches everything: a permission error, a full disk, a bug in the
 * optional module all look like "no". The fix keeps swallowing what the probe expects and rethrows
 * the rest: `if (!isErrnoError(error, 'ENOENT', 'ENOTDIR')) throw error;`. Failures that used to be
 * hidden now reach the caller, so it is opt-in.
 */
import type { CatchClause, File, Node } from '@babel/types';
import { blockBodyText, prependToBlock } from './lib/catch-helpers.js';
import { claimCatchBinding } from './lib/claim-catch-binding.js';
import { mentions } from './lib/error-expressions.js';
import { findingAt, withoutSuppressed } from './lib/findings.js';
import { EMPTY_BLOCK_RULES, isDirectiveFor, obsoleteDirectiveEdits } from './lib/lint-directives.js';
import { IGNORED_NAME } from './lib/intent.js';
import { narrowableProbe, probeScopeOf, type ExpectedFailure, type ProbeScope } from './lib/probe.js';
import { startOf, endOf } from './lib/range.js';
import { detectAlone, walkWithVisitors } from './lib/shared-walk.js';
import { indentationAt, indentUnitOf, isFirstOnLine, lineEndingOf, lineWidthOf, preferredQuoteOf, quoteString, singleStatementIfStyleOf, usesSemicolons } from './lib/source-style.js';
import { mayHaveCatchClause } from './lib/source-words.js';
import { toJscodeshift } from './lib/standalone.js';
import { isFunctionNode, walk } from './lib/walk.js';
import type { Finding, FixResult, NodeVisitors, SharedDetection, TextEdit, TransformContext, TransformMeta } from '../types.js';

export const meta: TransformMeta = {
  id: 'narrow-catch',
  title: 'Catch only the failure a probe expects',
  description: "Makes a catch around a probe (fs.stat, require.resolve, JSON.parse …) rethrow every failure but the expected one, with the kit's isErrnoError.",
  // Failures the broad catch used to hide (EACCES, EIO, a bug in an optional module) now reach the caller.
  changesBehaviour: true,
  severity: 'info',
  messages: {
    broadProbeCatch: 'This catch expects one failure of its probe but swallows every failure; rethrow the unexpected ones.',
  },
  docs: 'docs/transforms/narrow-catch.md',
};

export function mightMatch(source: string): boolean {
  return mayHaveCatchClause(source);
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  return detectAlone(detectShared(ctx), ctx.ast);
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  const { visitors, found } = broadProbeCollector(ctx.ast);
  return {
    visitors,
    findings: () => withoutSuppressed(found.map(({ clause }) => findingAt(meta, 'broadProbeCatch', clause, { fixable: true })), ctx.ast, meta.id),
  };
}

export function fix(ctx: TransformContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable && finding.ruleId === meta.id).map((finding) => finding.start));
  if (wanted.size === 0) return { edits: [] };
  const quote = preferredQuoteOf(ctx.source);
  const semicolon = usesSemicolons(ctx.ast, ctx.source) ? ';' : '';
  const eol = lineEndingOf(ctx.source);
  const layout: GuardLayout = { style: singleStatementIfStyleOf(ctx.ast, ctx.source), unit: indentUnitOf(ctx.source), width: lineWidthOf(ctx.source) };
  const edits: TextEdit[] = [];
  const { visitors, found } = broadProbeCollector(ctx.ast);
  walkWithVisitors(ctx.ast, [visitors]);
  for (const { clause, expected } of found) {
    if (!wanted.has(startOf(clause))) continue;
    // A library's published code cannot reach the kit (and gains no dependency for one comparison).
    const inline = ctx.kit.profile === 'library';
    const helper = expected.codes.length > 0 && !inline ? ctx.useKitExport('isErrnoError') : undefined;
    const binding = claimCatchBinding(clause, ctx.source, helper === undefined ? [] : [helper]);
    const typed = /\.[cm]?tsx?$/.test(ctx.filePath);
    const test = inline ? inlineTest(binding.name, expected, quote, typed) : unexpectedTest(binding.name, expected, helper, quote);
    const thrown = `throw ${binding.name}${semicolon}`;
    // A claimed head (`catch {` becoming `catch (error) {`) reaches into the block: an empty block is rewritten with it, as one edit.
    const head = binding.paramEdits.find((edit) => edit.end > startOf(clause.body));
    edits.push(...binding.paramEdits.filter((edit) => edit !== head || clause.body.body.length > 0));
    if (clause.body.body.length === 0) {
      // The block is no longer empty: what excused its emptiness goes; what explained it stays, above the guard.
      const body = { start: startOf(clause.body), end: endOf(clause.body) };
      const explanations = (ctx.ast.comments ?? [])
        .filter((comment) => startOf(comment) > body.start && endOf(comment) < body.end && !isDirectiveFor(comment, EMPTY_BLOCK_RULES))
        // "ignore error" no longer says what the block does once it rethrows.
        .filter((comment) => !SAYS_IGNORE.test(comment.value))
        .map((comment) => ctx.source.slice(startOf(comment), endOf(comment)));
      const indent = indentationAt(ctx.source, body.start) + layout.unit;
      const statements = [...explanations, ...(binding.destructuring === undefined ? [] : [binding.destructuring]), guardLines(test, thrown, layout, indent).join(eol + indent)];
      const block = blockBodyText(clause.body, ctx.source, statements);
      edits.push(head === undefined ? { ...body, text: block } : { start: head.start, end: body.end, text: head.text.slice(0, -1) + block });
      edits.push(...obsoleteDirectiveEdits(ctx.ast, ctx.source, { lineOf: startOf(clause), start: startOf(clause), end: endOf(clause), skip: body }, EMPTY_BLOCK_RULES));
    } else {
      const first = startOf(clause.body.body[0] as Node);
      // A block written on one line gets the guard on that line.
      const indent = indentationAt(ctx.source, first);
      const guardText = isFirstOnLine(ctx.source, first) ? guardLines(test, thrown, layout, indent).join(eol + indent) : guardLines(test, thrown, { ...layout, width: Infinity }, '').join(' ');
      const statements = binding.destructuring === undefined ? [guardText] : [binding.destructuring, guardText];
      for (const statement of statements.reverse()) edits.push(prependToBlock(clause.body, ctx.source, statement));
    }
  }
  return { edits };
}

/** A comment that only says the failure is ignored: `// ignore`, `// ignore errors`, `/* noop *\/`. */
const SAYS_IGNORE = /^[\s*]*(ignored?|ignor(e|ing) (the )?(errors?|exceptions?|failures?)|no-?op|do nothing|nothing to do|swallow(ed)?( errors?)?)[.!]?[\s*]*$/i;

interface GuardLayout {
  /** How the file writes an `if` around one statement. */
  style: 'braced' | 'same-line' | 'next-line';
  /** One level of indentation. */
  unit: string;
  /** The widest line the file writes. */
  width: number;
}

/**
 * `if (test) throw error` as the file writes its ifs, one line per entry, later lines relative to
 * the first: braced, bare on one line, or bare with the throw on the next line. A braced head past
 * the file's width puts the test on a line of its own, as formatters do.
 */
function guardLines(test: string, thrown: string, layout: GuardLayout, indent: string): string[] {
  if (layout.style === 'same-line') return [`if (${test}) ${thrown}`];
  if (layout.style === 'next-line') return [`if (${test})`, layout.unit + thrown];
  if (indent.replace(/\t/g, '  ').length + `if (${test}) {`.length <= layout.width) return [`if (${test}) {`, layout.unit + thrown, '}'];
  return ['if (', layout.unit + test, ') {', layout.unit + thrown, '}'];
}

/** `!isErrnoError(error, 'ENOENT') && !(error instanceof SyntaxError)`: true for what the probe does not expect. */
function unexpectedTest(name: string, expected: ExpectedFailure, helper: string | undefined, quote: "'" | '"'): string {
  const parts: string[] = [];
  if (helper !== undefined) parts.push(`!${helper}(${[name, ...expected.codes.map((code) => quoteString(code, quote))].join(', ')})`);
  for (const cls of expected.classes) parts.push(`!(${name} instanceof ${cls})`);
  return parts.join(' && ');
}

/** The same test without the kit: `error.code !== 'ENOENT'`, or `!['ENOENT', 'ENOTDIR'].includes(error.code)`. */
function inlineTest(name: string, expected: ExpectedFailure, quote: "'" | '"', typed: boolean): string {
  const parts: string[] = [];
  const code = typed ? `(${name} as { code?: string }).code` : `${name}.code`;
  const codes = expected.codes.map((value) => quoteString(value, quote));
  if (codes.length === 1) parts.push(`${code} !== ${codes[0]}`);
  else if (codes.length > 1) parts.push(`![${codes.join(', ')}].includes(${typed ? `${code} ?? ${quoteString('', quote)}` : code})`);
  for (const cls of expected.classes) parts.push(`!(${name} instanceof ${cls})`);
  return parts.join(' && ');
}

interface BroadProbe {
  clause: CatchClause;
  expected: ExpectedFailure;
}

/**
 * Catch clauses around a probe that expects particular failures, whose body neither looks at the
 * error (it would already be choosing) nor throws (it already decides what escapes).
 */
function broadProbeCollector(ast: File): { visitors: NodeVisitors; found: BroadProbe[] } {
  const found: BroadProbe[] = [];
  let scope: ProbeScope | undefined;
  const visitors: NodeVisitors = {
    CatchClause(node, ancestors) {
      scope ??= probeScopeOf(ast);
      const tryStatement = ancestors[ancestors.length - 1];
      if (tryStatement?.type !== 'TryStatement' || tryStatement.handler !== node) return;
      const expected = narrowableProbe(tryStatement, scope)?.expected;
      if (expected === undefined) return;
      // Its author named the binding to be ignored: the guard would have to read it.
      if (node.param?.type === 'Identifier' && IGNORED_NAME.test(node.param.name)) return;
      if (node.param != null && node.param.type === 'Identifier' && mentions(node.body, node.param.name)) return;
      if (node.param != null && node.param.type !== 'Identifier') return;
      if (throwsIn(node.body)) return;
      found.push({ clause: node, expected });
    },
  };
  return { visitors, found };
}

function throwsIn(body: Node): boolean {
  let found = false;
  walk(body, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (node.type === 'ThrowStatement') found = true;
    return undefined;
  });
  return found;
}

export default toJscodeshift({ meta, mightMatch, detect, fix, detectShared });
