/**
 * `except Exception: pass` (or a bare `except: pass`): every failure of the `try` block vanishes
 * without a trace. Reporting it through the kit keeps the code going as before while leaving a
 * record of what failed.
 */
import type { Finding, FixResult } from '../types.js';
import { detectSwallowing, fixSwallowing } from './lib/swallowing.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'except-pass',
  title: 'Broad except that passes',
  description: 'reports the exception that except Exception: pass swallows through the kit: report_error(err, operation=...)',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    exceptPass: 'The exception is swallowed by `pass`; report it, or say in a comment why it is ignored.',
    deliberate: 'The exception is swallowed by `pass`, marked as deliberate.',
  },
  docs: 'docs/rules/python/except-pass.md',
  equivalents: ['S110'],
};

export function mightMatch(source: string): boolean {
  return source.includes('except') && source.includes('pass');
}

export function detect(ctx: PythonContext): Finding[] {
  return detectSwallowing(ctx, meta, 'pass_statement', 'exceptPass');
}

export function fix(ctx: PythonContext, findings: Finding[]): FixResult {
  return fixSwallowing(ctx, meta, findings, 'pass_statement');
}
