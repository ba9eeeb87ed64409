/**
 * `except Exception:` that neither re-raises nor logs the traceback: every failure of the `try`
 * block, bugs included, becomes whatever the handler does next, and nobody learns what went wrong.
 */
import type { Finding } from '../types.js';
import { catchesBroadly, logsTraceback, reRaises } from './lib/handlers.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { exceptParts } from './lib/nodes.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'broad-except',
  title: 'Broad except that neither re-raises nor logs',
  description: 'reports except Exception / BaseException handlers that drop the exception without logging its traceback',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    broadExcept: 'Catching `{type}` without re-raising or logging the traceback hides every failure of the try block, bugs included.',
  },
  docs: 'docs/rules/python/broad-except.md',
  equivalents: ['BLE001', 'W0718'],
  pylintNames: ['broad-except', 'broad-exception-caught'],
};

export function mightMatch(source: string): boolean {
  return source.includes('except') && source.includes('Exception');
}

export function detect(ctx: PythonContext): Finding[] {
  const findings: Finding[] = [];
  for (const clause of ctx.root.descendantsOfType('except_clause')) {
    if (clause === null) continue;
    const parts = exceptParts(clause);
    if (!catchesBroadly(parts) || reRaises(parts) || logsTraceback(parts)) continue;
    const types = parts.types ?? clause;
    const finding = pythonFinding(meta, 'broadExcept', types, ctx, { fixable: false });
    finding.message = finding.message.replace('{type}', types.text);
    findings.push(finding);
  }
  return withoutSuppressedPython(findings, meta, ctx);
}
