/**
 * The audit-only rules, in the order reports and `faultline list` show them (after the transforms).
 * `broad-try` takes its limit from the catalog, so the list is built for a given configuration.
 */
import * as catchAny from './catch-any.js';
import * as catchReturnsDefault from './catch-returns-default.js';
import * as errorDetailsInResponse from './error-details-in-response.js';
import * as errorMessageOnlyLogged from './error-message-only-logged.js';
import * as loopCatchContinue from './loop-catch-continue.js';
import * as promiseAllSwallowed from './promise-all-swallowed.js';
import { createBroadTry, type BroadTryOptions } from './broad-try.js';
import type { AuditRule } from './types.js';

export type AuditRuleOptions = BroadTryOptions;

// Every built-in rule reads offsets only; test/transforms/javascript/detection-parse.test.ts holds them to it.
function ruleOf(rule: AuditRule): AuditRule {
  return { meta: rule.meta, mightMatch: rule.mightMatch, detect: rule.detect, detectShared: rule.detectShared, readsOffsetsOnly: true };
}

/** The audit-only rules configured with `options` (defaults when absent). */
export function createAuditRules(options: AuditRuleOptions = {}): AuditRule[] {
  return [
    ruleOf(catchReturnsDefault),
    ruleOf(createBroadTry(options)),
    ruleOf(errorMessageOnlyLogged),
    ruleOf(promiseAllSwallowed),
    ruleOf(catchAny),
    ruleOf(loopCatchContinue),
    ruleOf(errorDetailsInResponse),
  ];
}

/** The audit-only rules with their default options. */
export const auditRules: AuditRule[] = createAuditRules();

/** The audit-only rule with this id, or undefined when there is none. */
export function getAuditRule(id: string): AuditRule | undefined {
  return auditRules.find((rule) => rule.meta.id === id);
}
