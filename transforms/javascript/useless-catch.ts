/**
 * useless-catch: `try { … } catch (e) { throw e; }` catches an error only to throw it again, unchanged.
 * It adds nesting and suggests handling that does not happen. The fix removes the try/catch and keeps
 * its statements (or keeps `try { … } finally { … }` when there is a finally).
 */
import type { File, Node, TryStatement } from '@babel/types';
import { combineUnwraps, placeOf, unwrapTry } from './lib/block-unwrap.js';
import { findingAt, withoutSuppressed } from './lib/findings.js';
import { isDirectiveFor, obsoleteDirectiveEdits, USELESS_CATCH_RULES } from './lib/lint-directives.js';
import { endOf, startOf } from './lib/range.js';
import { isFirstOnLine, lineEndAt, lineStartAt, nextLineStartAt } from './lib/source-style.js';
import { toJscodeshift } from './lib/standalone.js';
import { detectAlone, walkWithVisitors } from './lib/shared-walk.js';
import type { Finding, FixResult, NodeVisitors, SharedDetection, TransformContext, TransformMeta } from '../types.js';
import { mayHaveCatchClause, sourceHas } from './lib/source-words.js';

export const meta: TransformMeta = {
  id: 'useless-catch',
  title: 'Remove catch blocks that only rethrow',
  description: 'Removes `catch (e) { throw e; }`, keeping the try block\'s statements (and any finally).',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    uselessCatch: 'This catch only rethrows the error it caught; remove the try/catch.',
  },
  docs: 'docs/transforms/useless-catch.md',
};

export function mightMatch(source: string): boolean {
  return mayHaveCatchClause(source) && sourceHas(source, 'throw');
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  return detectAlone(detectShared(ctx), ctx.ast);
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  const { visitors, found } = rethrowingTryCollector();
  const findings = (): Finding[] => {
    const all = found.map(({ tryStatement }) => {
      const handler = tryStatement.handler as Node;
      const reason = blanketDirectiveReason(ctx.ast, ctx.source, handler) ?? commentReason(ctx.ast, tryStatement);
      return findingAt(meta, 'uselessCatch', handler, reason === undefined ? { fixable: true } : { fixable: false, reason });
    });
    return withoutSuppressed(all, ctx.ast, meta.id);
  };
  return { visitors, findings };
}

export function fix(ctx: TransformContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable && finding.ruleId === meta.id).map((finding) => finding.start));
  const unwraps = rethrowingTries(ctx.ast)
    .filter(({ tryStatement }) => wanted.has(startOf(tryStatement.handler as Node)))
    .map(({ tryStatement, ancestors }) => {
      const unwrap = unwrapTry(tryStatement, placeOf(tryStatement, ancestors), ctx.source);
      // A directive that excused this catch goes with it: left behind, it would excuse nothing, or the wrong line.
      const handler = tryStatement.handler as Node;
      const removed = { start: endOf(tryStatement.block), end: endOf(handler) };
      for (const edit of obsoleteDirectiveEdits(ctx.ast, ctx.source, { lineOf: startOf(handler), start: startOf(handler), end: endOf(handler), skip: removed }, USELESS_CATCH_RULES)) {
        if (edit.text === '' && lineStartAt(ctx.source, edit.start) === edit.start && edit.end === nextLineStartAt(ctx.source, edit.start)) unwrap.deletedLines.push(edit.start);
        else unwrap.edits.push(edit);
      }
      return unwrap;
    });
  return { edits: combineUnwraps(unwraps, ctx.source) };
}

interface RethrowingTry {
  tryStatement: TryStatement;
  ancestors: Node[];
}

/** Try statements whose catch body is exactly `throw <the caught error>;`. */
function rethrowingTryCollector(): { visitors: NodeVisitors; found: RethrowingTry[] } {
  const found: RethrowingTry[] = [];
  const visitors: NodeVisitors = {
    TryStatement(node, ancestors) {
      if (node.handler == null) return;
      const { param, body } = node.handler;
      if (param?.type !== 'Identifier' || body.body.length !== 1) return;
      const only = body.body[0];
      if (only?.type !== 'ThrowStatement' || only.argument.type !== 'Identifier' || only.argument.name !== param.name) return;
      found.push({ tryStatement: node, ancestors: [...ancestors] });
    },
  };
  return { visitors, found };
}

function rethrowingTries(ast: File): RethrowingTry[] {
  const { visitors, found } = rethrowingTryCollector();
  walkWithVisitors(ast, [visitors]);
  return found;
}

/** `eslint-disable-next-line` or `eslint-disable-line` with no rule named (oxlint's too): every rule is silenced. */
const BLANKET_DIRECTIVE = /^\s*(?:eslint|oxlint)-disable-(next-line|line)\s*(?:--\s[^]*)?$/;

/**
 * A directive that silences every rule on the catch (above its `catch` line, on it, or in it) says the
 * author kept the catch knowingly, as a lint-disable on an empty catch does; what else it silences
 * cannot be known, so it is neither removed nor left to excuse whatever would take the catch's place.
 */
function blanketDirectiveReason(ast: File, source: string, handler: Node): string | undefined {
  const catchLine = lineStartAt(source, startOf(handler));
  const lineBefore = catchLine === 0 ? 0 : lineStartAt(source, catchLine - 1);
  const end = lineEndAt(source, endOf(handler));
  for (const comment of ast.comments ?? []) {
    const start = startOf(comment);
    if (start < lineBefore || start >= end) continue;
    const directive = BLANKET_DIRECTIVE.exec(comment.value);
    if (directive === null) continue;
    // On the line above, only a directive about the next line (and alone on its line) is about the catch.
    if (start < catchLine && (directive[1] !== 'next-line' || !isFirstOnLine(source, start))) continue;
    return `\`${comment.value.trim()}\` silences every rule on the catch, which marks it as kept on purpose`;
  }
  return undefined;
}

/** Comments between the try block and the end of the catch would be deleted with it: such sites are left to a person. */
function commentReason(ast: File, tryStatement: TryStatement): string | undefined {
  const from = endOf(tryStatement.block);
  const to = endOf(tryStatement.handler as Node);
  const hasComment = (ast.comments ?? []).some(
    (comment) => startOf(comment) >= from && endOf(comment) <= to && !isDirectiveFor(comment, USELESS_CATCH_RULES),
  );
  return hasComment ? 'the catch holds comments, which removing it would delete; remove it by hand if they are obsolete' : undefined;
}

export default toJscodeshift({ meta, mightMatch, detect, fix, detectShared });
