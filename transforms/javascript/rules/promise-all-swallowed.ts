/**
 * promise-all-swallowed: `await Promise.all(…)` in a try whose catch swallows the rejection. A batch
 * fails as one: the first rejection wins, the others are dropped, and here even that one vanishes, so
 * a partial failure of the batch leaves no trace.
 */
import type { CatchClause } from '@babel/types';
import { findingAt, withoutSuppressed } from '../lib/findings.js';
import type { Finding, SharedDetection, TransformContext, TransformMeta } from '../../types.js';
import { handlesError, returnsOf } from './catch-handling.js';
import { detectionOverSiteIndex, siteIndexOf } from './site-index.js';
import { mayHaveCatchClause, sourceHas } from '../lib/source-words.js';

export const meta: TransformMeta = {
  id: 'promise-all-swallowed',
  title: 'Do not swallow failures of Promise.all',
  description: 'Reports `await Promise.all(…)` in a try whose catch is empty or returns without reporting or rethrowing.',
  changesBehaviour: false,
  severity: 'error',
  messages: {
    swallowedBatch: 'A failure of this Promise.all is swallowed by its catch; report or rethrow it, or use Promise.allSettled and handle each result.',
  },
  docs: 'docs/rules/promise-all-swallowed.md',
};

export function mightMatch(source: string): boolean {
  return mayHaveCatchClause(source) && sourceHas(source, 'Promise.all');
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  const findings: Finding[] = [];
  for (const { node, tryStatement } of siteIndexOf(ctx.ast).promiseAllAwaits) {
    if (swallows(tryStatement.handler as CatchClause)) findings.push(findingAt(meta, 'swallowedBatch', node, { fixable: false }));
  }
  return withoutSuppressed(findings, ctx.ast, meta.id);
}

/** An empty catch, or one that returns without letting anyone know. */
function swallows(clause: CatchClause): boolean {
  if (clause.body.body.length === 0) return true;
  return returnsOf(clause.body).length > 0 && !handlesError(clause);
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  return detectionOverSiteIndex(ctx.ast, () => detect(ctx));
}
