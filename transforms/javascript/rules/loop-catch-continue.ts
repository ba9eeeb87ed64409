/**
 * loop-catch-continue: `for (…) { try { … } catch { continue; } }` skips every item that fails and
 * tells nobody. The loop finishes "successfully" with a part of the work silently missing.
 * An empty catch in a loop is `empty-catch`'s finding (which `migrate` fixes) and is not reported again;
 * a comment in the catch block explains the choice and keeps it from being reported.
 */
import { findingAt, withoutSuppressed } from '../lib/findings.js';
import { endOf, startOf } from '../lib/range.js';
import type { Finding, SharedDetection, TransformContext, TransformMeta } from '../../types.js';
import { hasCommentBetween } from './comments.js';
import { detectionOverSiteIndex, siteIndexOf } from './site-index.js';
import { mayHaveCatchClause, sourceHas } from '../lib/source-words.js';

export const meta: TransformMeta = {
  id: 'loop-catch-continue',
  title: 'Do not skip failed loop iterations silently',
  description: 'Reports catch blocks whose only statement is `continue`: failed items are skipped without a trace.',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    silentSkip: 'This catch only continues the loop, so failed items are skipped silently; report the error before continuing.',
  },
  docs: 'docs/rules/loop-catch-continue.md',
};

export function mightMatch(source: string): boolean {
  return mayHaveCatchClause(source) && sourceHas(source, 'continue');
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  const findings: Finding[] = [];
  for (const clause of siteIndexOf(ctx.ast).catchClauses) {
    const body = clause.body.body;
    // `continue` cannot cross a function boundary, so a catch whose only statement is one is in a loop.
    if (body.length !== 1 || body[0]?.type !== 'ContinueStatement') continue;
    // A comment in the block says skipping is deliberate, as it does for an empty catch.
    if (hasCommentBetween(ctx.ast, startOf(clause.body), endOf(clause.body))) continue;
    findings.push(findingAt(meta, 'silentSkip', clause, { fixable: false }));
  }
  return withoutSuppressed(findings, ctx.ast, meta.id);
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  return detectionOverSiteIndex(ctx.ast, () => detect(ctx));
}
