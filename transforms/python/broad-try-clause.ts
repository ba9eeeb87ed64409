/**
 * A `try` around many statements catches the failures of all of them in one place: the handler
 * cannot know what failed or what is safe to do next, and errors from code that was never expected
 * to raise get handled as if they were the expected one.
 */
import type { Finding } from '../types.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { statementsOf } from './lib/nodes.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

/** Statements directly in the try block (a nested block counts as one) above which it is reported, as for JavaScript. */
export const MAX_TRY_STATEMENTS = 10;

export const meta: PythonRuleMeta = {
  id: 'broad-try-clause',
  title: 'Try block around many statements',
  description: `reports try blocks with an except that wrap more than ${MAX_TRY_STATEMENTS} statements`,
  changesBehaviour: false,
  severity: 'info',
  messages: {
    broadTry: 'This try block wraps {count} statements (more than {max}), so its handlers cannot tell which one failed; wrap only what can raise.',
  },
  docs: 'docs/rules/python/broad-try-clause.md',
  equivalents: ['W0717'],
  pylintNames: ['too-many-try-statements'],
};

export function mightMatch(source: string): boolean {
  return source.includes('try') && source.includes('except');
}

export function detect(ctx: PythonContext): Finding[] {
  const findings: Finding[] = [];
  for (const statement of ctx.root.descendantsOfType('try_statement')) {
    if (statement === null || !statement.children.some((child) => child?.type === 'except_clause')) continue;
    const body = statement.childForFieldName('body');
    const count = body === null ? 0 : statementsOf(body).length;
    if (count <= MAX_TRY_STATEMENTS) continue;
    const finding = pythonFinding(meta, 'broadTry', statement.child(0) ?? statement, ctx, { fixable: false });
    finding.message = finding.message.replace('{count}', String(count)).replace('{max}', String(MAX_TRY_STATEMENTS));
    findings.push(finding);
  }
  return withoutSuppressedPython(findings, meta, ctx);
}
