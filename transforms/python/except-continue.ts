/**
 * `except Exception: continue` in a loop: items that fail are skipped without a trace, so a loop
 * that silently processes nothing looks the same as one that succeeds.
 */
import type { Finding, FixResult } from '../types.js';
import { detectSwallowing, fixSwallowing } from './lib/swallowing.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'except-continue',
  title: 'Broad except that continues',
  description: 'reports the exception of an item that except Exception: continue skips through the kit before going on',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    exceptContinue: 'The exception is swallowed by `continue`; report the skipped item, or say in a comment why it is ignored.',
    deliberate: 'The exception is swallowed by `continue`, marked as deliberate.',
  },
  docs: 'docs/rules/python/except-continue.md',
  equivalents: ['S112'],
};

export function mightMatch(source: string): boolean {
  return source.includes('except') && source.includes('continue');
}

export function detect(ctx: PythonContext): Finding[] {
  return detectSwallowing(ctx, meta, 'continue_statement', 'exceptContinue');
}

export function fix(ctx: PythonContext, findings: Finding[]): FixResult {
  return fixSwallowing(ctx, meta, findings, 'continue_statement');
}
