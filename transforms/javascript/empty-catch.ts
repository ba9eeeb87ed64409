/**
 * empty-catch: `catch (e) {}` swallows the error. The fix reports it through the kit, so it is logged
 * once with where it happened, and the code carries on as before. A catch its author marked as
 * deliberate (a comment, a lint-disable, a binding named to be ignored) or that guards a probe, whose
 * failure is an expected answer, is a decision, not a smell: it is listed for information and left
 * alone (see lib/intent.ts). A library has no reporter to call, so its empty catches are only listed.
 */
import type { CatchClause, File, Node, TryStatement } from '@babel/types';
import { bindCatchParameter, blockBodyText, operationName } from './lib/catch-helpers.js';
import { findingAt, withoutSuppressed } from './lib/findings.js';
import { ownLoggerReason } from './lib/own-logger.js';
import { endOf, startOf } from './lib/range.js';
import { quoteString, preferredQuoteOf, usesSemicolons } from './lib/source-style.js';
import { catchIntent } from './lib/intent.js';
import { probeScopeOf, type ProbeScope } from './lib/probe.js';
import { toJscodeshift } from './lib/standalone.js';
import { detectAlone, walkWithVisitors } from './lib/shared-walk.js';
import type { Finding, FixResult, NodeVisitors, SharedDetection, TextEdit, TransformContext, TransformMeta } from '../types.js';
import { mayHaveCatchClause } from './lib/source-words.js';

export const meta: TransformMeta = {
  id: 'empty-catch',
  title: 'Report errors that empty catch blocks swallow',
  description: 'Turns `catch (e) {}` into a call to the kit\'s reportError with the operation name.',
  changesBehaviour: false,
  severity: 'error',
  messages: {
    emptyCatch: 'Empty catch block swallows the error; report it, or say in a comment why it is ignored.',
    deliberate: 'Empty catch block, marked as deliberate.',
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
  const library = ctx.kit.profile === 'library';
  return {
    visitors,
    findings: () => {
      const ownLogger = found.length === 0 || library ? undefined : ownLoggerReason(ctx.ast, ctx.source, ctx.kit);
      return withoutSuppressed(
        found.map(({ clause, intent }) => {
          if (intent !== undefined) return findingAt(meta, 'deliberate', clause, { fixable: false, reason: intent, severity: 'info' });
          if (library) return findingAt(meta, 'emptyCatch', clause, { fixable: false, reason: LIBRARY_REASON });
          if (ownLogger !== undefined) return findingAt(meta, 'emptyCatch', clause, { fixable: false, reason: ownLogger });
          return findingAt(meta, 'emptyCatch', clause, { fixable: true });
        }),
        ctx.ast,
        meta.id,
      );
    },
  };
}

export function fix(ctx: TransformContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable && finding.ruleId === meta.id).map((finding) => finding.start));
  if (wanted.size === 0) return { edits: [] };
  const edits: TextEdit[] = [];
  const quote = preferredQuoteOf(ctx.source);
  const semicolon = usesSemicolons(ctx.ast, ctx.source) ? ';' : '';
  for (const { clause, ancestors, intent } of emptyCatches(ctx.ast, ctx.source)) {
    if (intent !== undefined || !wanted.has(startOf(clause))) continue;
    const reportError = ctx.useKitExport('reportError');
    const binding = bindCatchParameter(clause, ctx.source, [reportError]);
    const operation = operationName(ancestors, ctx.filePath);
    const report = `${reportError}(${binding.name}, { operation: ${quoteString(operation, quote)} })${semicolon}`;
    const statements = binding.destructuring === undefined ? [report] : [binding.destructuring, report];
    edits.push(...binding.paramEdits);
    // `try { send(mail); } catch (e) {}` was written on one line: the report goes on it too.
    const tryBlock = ancestors.at(-1)?.type === 'TryStatement' ? (ancestors.at(-1) as TryStatement).block : undefined;
    const oneLine = tryBlock !== undefined && !/[\r\n]/.test(ctx.source.slice(startOf(tryBlock), endOf(clause.body)));
    const text = oneLine ? `{ ${statements.join(' ')} }` : blockBodyText(clause.body, ctx.source, statements);
    edits.push({ start: startOf(clause.body), end: endOf(clause.body), text });
  }
  return { edits };
}

const LIBRARY_REASON = "a library's catch blocks report through its callers, not a logger of its own; rethrow or handle the error by hand";

interface EmptyCatch {
  clause: CatchClause;
  ancestors: Node[];
  /** Why the catch is deliberate, when something marks it so. */
  intent?: string;
}

/** Catch clauses with nothing in their body, each with what marks it as deliberate, if anything. */
function emptyCatchCollector(ast: File, source: string): { visitors: NodeVisitors; found: EmptyCatch[] } {
  const found: EmptyCatch[] = [];
  let scope: ProbeScope | undefined;
  const visitors: NodeVisitors = {
    CatchClause(node, ancestors) {
      if (node.body.body.length > 0) return;
      scope ??= probeScopeOf(ast);
      const intent = catchIntent(node, ancestors[ancestors.length - 1], ast, source, scope);
      found.push({ clause: node, ancestors: [...ancestors], ...(intent === undefined ? {} : { intent }) });
    },
  };
  return { visitors, found };
}

function emptyCatches(ast: File, source: string): EmptyCatch[] {
  const { visitors, found } = emptyCatchCollector(ast, source);
  walkWithVisitors(ast, [visitors]);
  return found;
}

export default toJscodeshift({ meta, mightMatch, detect, fix, detectShared });
