/**
 * Every Python rule faultline ships, in the order reports and `faultline list` show them: the ones
 * `migrate` can fix first, then those only `audit` reports.
 */
import * as bareExcept from './bare-except.js';
import * as broadExcept from './broad-except.js';
import * as broadTryClause from './broad-try-clause.js';
import * as exceptContinue from './except-continue.js';
import * as exceptPass from './except-pass.js';
import * as exceptReturnsDefault from './except-returns-default.js';
import * as gatherLosesErrors from './gather-loses-errors.js';
import * as genericException from './generic-exception.js';
import * as logWithoutTraceback from './log-without-traceback.js';
import * as openWithoutWith from './open-without-with.js';
import * as raiseWithoutFrom from './raise-without-from.js';
import * as swallowedCancellation from './swallowed-cancellation.js';
import * as taskDiscarded from './task-discarded.js';
import * as uselessTryExcept from './useless-try-except.js';
import * as verboseRaise from './verbose-raise.js';
import type { PythonRule } from './types.js';

function ruleOf(rule: PythonRule): PythonRule {
  return rule.fix === undefined ? { meta: rule.meta, mightMatch: rule.mightMatch, detect: rule.detect } : { meta: rule.meta, mightMatch: rule.mightMatch, detect: rule.detect, fix: rule.fix };
}

export const allPythonRules: PythonRule[] = [
  ruleOf(raiseWithoutFrom),
  ruleOf(verboseRaise),
  ruleOf(uselessTryExcept),
  ruleOf(logWithoutTraceback),
  ruleOf(exceptPass),
  ruleOf(exceptContinue),
  ruleOf(genericException),
  ruleOf(swallowedCancellation),
  ruleOf(bareExcept),
  ruleOf(broadExcept),
  ruleOf(taskDiscarded),
  ruleOf(openWithoutWith),
  ruleOf(exceptReturnsDefault),
  ruleOf(broadTryClause),
  ruleOf(gatherLosesErrors),
];

export function getPythonRule(id: string): PythonRule | undefined {
  return allPythonRules.find((rule) => rule.meta.id === id);
}
