/**
 * catch-returns-default: `catch { return null; }` turns a failure into an ordinary-looking result.
 * Callers cannot tell "nothing there" from "could not find out", and nobody is told that it failed.
 * A comment in the catch block explains the choice and keeps it from being reported.
 */
import type { BlockStatement, CatchClause, ReturnStatement, TryStatement } from '@babel/types';
import { findingAt, withoutSuppressed } from '../lib/findings.js';
import { guardedProbe, isBooleanPredicate, probeScopeOf, type ProbeScope } from '../lib/probe.js';
import { endOf, startOf } from '../lib/range.js';
import { isFunctionNode, walk } from '../lib/walk.js';
import type { Finding, SharedDetection, TransformContext, TransformMeta } from '../../types.js';
import { handlesError, isStandInValue, returnsOf } from './catch-handling.js';
import { hasCommentBetween } from './comments.js';
import { detectionOverSiteIndex, siteIndexOf } from './site-index.js';
import { mayHaveCatchClause, sourceHas } from '../lib/source-words.js';

export const meta: TransformMeta = {
  id: 'catch-returns-default',
  title: 'Do not turn failures into default values silently',
  description: 'Reports catch blocks that return null, [], false or similar without reporting or rethrowing the error.',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    silentDefault: 'This catch returns a default value and drops the error; report it (or rethrow) so the failure is visible.',
  },
  docs: 'docs/rules/catch-returns-default.md',
};

export function mightMatch(source: string): boolean {
  return mayHaveCatchClause(source) && sourceHas(source, 'return');
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  const findings: Finding[] = [];
  let scope: ProbeScope | undefined;
  for (const tryStatement of siteIndexOf(ctx.ast).tryStatements) {
    const clause = tryStatement.handler;
    if (clause == null) continue;
    // A comment in the block says the default is deliberate, as it does for an empty catch.
    if (hasCommentBetween(ctx.ast, startOf(clause.body), endOf(clause.body))) continue;
    const silent = silentDefaultReturn(tryStatement, clause);
    // `try { return JSON.parse(text) } catch { return null }`: the default is the probe's "no".
    if (silent !== undefined && guardedProbe(tryStatement.block, (scope ??= probeScopeOf(ctx.ast))) !== undefined) continue;
    if (silent !== undefined) findings.push(findingAt(meta, 'silentDefault', silent, { fixable: false }));
  }
  return withoutSuppressed(findings, ctx.ast, meta.id);
}

/** The first stand-in `return` of a catch that neither reports nor rethrows, unless the try/catch is a yes/no test. */
function silentDefaultReturn(tryStatement: TryStatement, clause: CatchClause): ReturnStatement | undefined {
  const silent = returnsOf(clause.body).find((statement) => isStandInValue(statement.argument));
  if (silent === undefined || handlesError(clause)) return undefined;
  // `try { JSON.parse(s); return true; } catch { return false; }` answers a question; false is the answer.
  if (isBooleanPredicate(tryStatement)) return undefined;
  return silent;
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  return detectionOverSiteIndex(ctx.ast, () => detect(ctx));
}
