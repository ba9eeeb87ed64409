/**
 * empty-catch: `catch (e) {}` swallows the error. The fix reports it through the kit, so it is logged
 * once with where it happened, and the code carries on as before. A catch whose body holds a comment
 * says why it is empty: that is a decision, not a smell, and is left alone.
 */
import type { CatchClause, File, Node } from '@babel/types';
import { bindCatchParameter, blockBodyText, operationName } from './lib/catch-helpers.js';
import { findingAt, withoutSuppressed } from './lib/findings.js';
import { endOf, startOf } from './lib/range.js';
import { quoteString, preferredQuoteOf, usesSemicolons, lineEndAt } from './lib/source-style.js';
import { toJscodeshift } from './lib/standalone.js';
import { detectAlone, walkWithVisitors } from './lib/shared-walk.js';
import type { Finding, FixResult, NodeVisitors, SharedDetection, TextEdit, TransformContext, TransformMeta } from './types.js';
import { mayHaveCatchClause } from './lib/source-words.js';

export const meta: TransformMeta = {
  id: 'empty-catch',
  title: 'Report errors that empty catch blocks swallow',
  description: 'Turns `catch (e) {}` into a call to the kit\'s reportError with the operation name.',
  changesBehaviour: false,
  severity: 'error',
  messages: {
    emptyCatch: 'Empty catch block swallows the error; report it, or say in a comment why it is ignored.',
  },
  docs: 'docs/transforms/empty-catch.md',
};

export function mightMatch(source: string): boolean {
  return mayHaveCatchClause(source);
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  return detectAlone(detectShared(ctx), ctx.ast);
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  const { visitors, found } = emptyCatchCollector(ctx.ast, ctx.source);
  return {
    visitors,
    findings: () => withoutSuppressed(found.map(({ clause }) => findingAt(meta, 'emptyCatch', clause, { fixable: true })), ctx.ast, meta.id),
  };
}

export function fix(ctx: TransformContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable && finding.ruleId === meta.id).map((finding) => finding.start));
  if (wanted.size === 0) return { edits: [] };
  const edits: TextEdit[] = [];
  const quote = preferredQuoteOf(ctx.source);
  const semicolon = usesSemicolons(ctx.ast, ctx.source) ? ';' : '';
  for (const { clause, ancestors } of emptyCatches(ctx.ast, ctx.source)) {
    if (!wanted.has(startOf(clause))) continue;
    const reportError = ctx.useKitExport('reportError');
    const binding = bindCatchParameter(clause, ctx.source, [reportError]);
    const operation = operationName(ancestors, ctx.filePath, clause.loc?.start.line ?? 1);
    const report = `${reportError}(${binding.name}, { operation: ${quoteString(operation, quote)} })${semicolon}`;
    const statements = binding.destructuring === undefined ? [report] : [binding.destructuring, report];
    edits.push(...binding.paramEdits);
    edits.push({ start: startOf(clause.body), end: endOf(clause.body), text: blockBodyText(clause.body, ctx.source, statements) });
  }
  return { edits };
}

interface EmptyCatch {
  clause: CatchClause;
  ancestors: Node[];
}

/** Catch clauses with nothing in their body: no statement and no comment explaining the silence. */
function emptyCatchCollector(ast: File, source: string): { visitors: NodeVisitors; found: EmptyCatch[] } {
  const found: EmptyCatch[] = [];
  const visitors: NodeVisitors = {
    CatchClause(node, ancestors) {
      if (node.body.body.length > 0) return;
      if (hasExplanation(ast, source, node)) return;
      found.push({ clause: node, ancestors: [...ancestors] });
    },
  };
  return { visitors, found };
}

function emptyCatches(ast: File, source: string): EmptyCatch[] {
  const { visitors, found } = emptyCatchCollector(ast, source);
  walkWithVisitors(ast, [visitors]);
  return found;
}

/**
 * A comment inside the braces, or right after them on the same line (`catch {} // best effort`),
 * explains why the error is ignored.
 */
function hasExplanation(ast: File, source: string, clause: CatchClause): boolean {
  const bodyStart = startOf(clause.body);
  const bodyEnd = endOf(clause.body);
  return (ast.comments ?? []).some((comment) => {
    const start = startOf(comment);
    if (start > bodyStart && start < bodyEnd) return true;
    return start >= bodyEnd && start < lineEndAt(source, bodyEnd) && source.slice(bodyEnd, start).trim() === '';
  });
}

export default toJscodeshift({ meta, mightMatch, detect, fix, detectShared });
