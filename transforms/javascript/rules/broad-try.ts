/**
 * broad-try: a try block around many statements catches failures of all of them in one place, so the
 * catch cannot know what failed or what is safe to do next, and errors from code that was never
 * expected to throw get handled as if they were the expected one.
 */
import type { CatchClause } from '@babel/types';
import { mentions } from '../lib/error-expressions.js';
import { findingAt, withoutSuppressed } from '../lib/findings.js';
import type { Finding, SharedDetection, TransformContext, TransformMeta } from '../../types.js';
import { detectionOverSiteIndex, siteIndexOf } from './site-index.js';
import type { AuditRule } from './types.js';
import { mayHaveCatchClause } from '../lib/source-words.js';

export const DEFAULT_MAX_TRY_STATEMENTS = 10;

export const meta: TransformMeta = {
  id: 'broad-try',
  title: 'Keep try blocks narrow',
  description: `Reports try blocks (with a catch) that wrap more than audit.maxTryStatements statements (default ${DEFAULT_MAX_TRY_STATEMENTS}).`,
  changesBehaviour: false,
  severity: 'info',
  messages: {
    broadTry: 'This try block wraps {{count}} statements (more than {{max}}), so its catch cannot tell which one failed; wrap only what can throw.',
  },
  docs: 'docs/rules/broad-try.md',
};

export interface BroadTryOptions {
  /** Statements directly in the try block (nested blocks count as one) above which it is reported. */
  maxTryStatements?: number;
}

/** The rule with its limit; the module's own `detect` uses the default. */
export function createBroadTry(options: BroadTryOptions = {}): AuditRule {
  const max = options.maxTryStatements ?? DEFAULT_MAX_TRY_STATEMENTS;
  if (!Number.isSafeInteger(max) || max < 1) throw new RangeError(`maxTryStatements must be a positive integer, not ${max}`);
  const rule: AuditRule = {
    meta,
    mightMatch,
    detect(ctx) {
      const findings: Finding[] = [];
      for (const tryStatement of siteIndexOf(ctx.ast).tryStatements) {
        const count = tryStatement.block.body.length;
        if (tryStatement.handler == null || count <= max || cleansUpAndRethrows(tryStatement.handler)) continue;
        const finding = findingAt(meta, 'broadTry', tryStatement, { fixable: false });
        finding.message = finding.message.replace('{{count}}', String(count)).replace('{{max}}', String(max));
        findings.push(finding);
      }
      return withoutSuppressed(findings, ctx.ast, meta.id);
    },
    detectShared(ctx) {
      return detectionOverSiteIndex(ctx.ast, () => rule.detect(ctx));
    },
  };
  return rule;
}

/**
 * `catch (error) { await rm(tmp); throw error; }`: the catch undoes what the block started and lets
 * the same error go on. It handles no failure, so which statement failed is not its question.
 */
function cleansUpAndRethrows(handler: CatchClause): boolean {
  const param = handler.param;
  const body = handler.body.body;
  const last = body[body.length - 1];
  if (param?.type !== 'Identifier' || last?.type !== 'ThrowStatement' || last.argument.type !== 'Identifier' || last.argument.name !== param.name) return false;
  return body.slice(0, -1).every((statement) => !mentions(statement, param.name));
}

export function mightMatch(source: string): boolean {
  return mayHaveCatchClause(source);
}

const withDefaults = createBroadTry();

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  return withDefaults.detect(ctx);
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  return detectionOverSiteIndex(ctx.ast, () => detect(ctx));
}
