/**
 * The handlers `except-pass` and `except-continue` report: a broad or bare `except` whose only
 * statement drops the exception. What marks the silence as a decision is left alone: a comment in
 * the handler, a `_`-prefixed name, or a narrow exception (`except FileNotFoundError: pass` is the
 * expected answer of a probe, not a swallowed failure).
 */
import type { Finding } from '../../types.js';
import type { PythonContext, PythonRuleMeta } from '../types.js';
import { pythonFinding, withoutSuppressedPython } from './findings.js';
import { catchesBroadly, hasExplanation, namedAsIgnored, onlyStatement } from './handlers.js';
import { exceptParts } from './nodes.js';

export function detectSwallowing(ctx: PythonContext, meta: PythonRuleMeta, statement: 'pass_statement' | 'continue_statement', messageId: string): Finding[] {
  const findings: Finding[] = [];
  for (const clause of ctx.root.descendantsOfType('except_clause')) {
    if (clause === null) continue;
    const parts = exceptParts(clause);
    const silent = onlyStatement(parts, statement);
    if (silent === undefined) continue;
    if (parts.types !== undefined && !catchesBroadly(parts)) continue;
    if (hasExplanation(parts) || namedAsIgnored(parts)) continue;
    // At the `except` line, where Ruff reports it, so a `# noqa` written for Ruff is on the same line.
    findings.push(pythonFinding(meta, messageId, clause.child(0) ?? clause, ctx, { fixable: false }));
  }
  return withoutSuppressedPython(findings, meta, ctx);
}
