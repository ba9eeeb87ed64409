/**
 * `except:` catches everything, `KeyboardInterrupt` and `SystemExit` included, so Ctrl-C and
 * `sys.exit()` can be swallowed by code that meant to handle a failed operation. A handler that ends
 * by re-raising with a bare `raise` only observes, and is left alone.
 */
import type { Finding } from '../types.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { exceptParts, statementsOf } from './lib/nodes.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'bare-except',
  title: 'Bare except',
  description: 'reports except: without a type, which also catches KeyboardInterrupt and SystemExit',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    bareExcept: 'A bare `except:` also catches KeyboardInterrupt and SystemExit; name the exceptions this code expects.',
  },
  docs: 'docs/rules/python/bare-except.md',
  equivalents: ['E722', 'W0702'],
  pylintNames: ['bare-except'],
};

export function mightMatch(source: string): boolean {
  return source.includes('except');
}

export function detect(ctx: PythonContext): Finding[] {
  const findings: Finding[] = [];
  for (const clause of ctx.root.descendantsOfType('except_clause')) {
    if (clause === null) continue;
    const parts = exceptParts(clause);
    if (parts.types !== undefined) continue;
    const reRaisesBare = statementsOf(parts.body).some((statement) => statement.type === 'raise_statement' && statement.namedChildCount === 0);
    if (reRaisesBare) continue;
    findings.push(pythonFinding(meta, 'bareExcept', clause.child(0) ?? clause, ctx, { fixable: false }));
  }
  return withoutSuppressedPython(findings, meta, ctx);
}
