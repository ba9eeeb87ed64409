/**
 * `raise err` of the exception the handler caught: a bare `raise` re-raises it with its traceback as
 * it was, without the handler's line added on top, and says plainly that nothing new is raised.
 */
import type { Finding, FixResult, TextEdit } from '../types.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { enclosingExcept, exceptParts, isRebound } from './lib/nodes.js';
import type { PythonNode } from './lib/parser.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'verbose-raise',
  title: 'Caught exception re-raised by name',
  description: 're-raises the caught exception with a bare raise instead of raise err',
  changesBehaviour: false,
  severity: 'info',
  messages: {
    verboseRaise: 'The caught exception is re-raised by name; a bare `raise` keeps its traceback as it was.',
  },
  docs: 'docs/rules/python/verbose-raise.md',
  equivalents: ['TRY201'],
};

export function mightMatch(source: string): boolean {
  return source.includes('raise') && source.includes('except');
}

function sitesOf(ctx: PythonContext): Array<{ raise: PythonNode; reason?: string }> {
  const sites: Array<{ raise: PythonNode; reason?: string }> = [];
  for (const raise of ctx.root.descendantsOfType('raise_statement')) {
    if (raise === null || raise.namedChildCount !== 1) continue;
    const raised = raise.namedChild(0);
    if (raised?.type !== 'identifier') continue;
    const clause = enclosingExcept(raise);
    if (clause === undefined) continue;
    const { name, body } = exceptParts(clause);
    if (name === undefined || name.text !== raised.text) continue;
    // After `err = Wrapped(err)`, `raise err` raises something else than a bare raise would.
    if (isRebound(raised.text, body)) sites.push({ raise, reason: `${raised.text} is assigned in the handler, so it may no longer be the caught exception` });
    else sites.push({ raise });
  }
  return sites;
}

export function detect(ctx: PythonContext): Finding[] {
  const findings = sitesOf(ctx).map(({ raise, reason }) => pythonFinding(meta, 'verboseRaise', raise, ctx, reason === undefined ? { fixable: true } : { fixable: false, reason }));
  return withoutSuppressedPython(findings, meta, ctx);
}

export function fix(ctx: PythonContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable).map((finding) => finding.start));
  const edits: TextEdit[] = [];
  for (const { raise, reason } of sitesOf(ctx)) {
    if (reason !== undefined || !wanted.has(raise.startIndex)) continue;
    const keyword = raise.child(0) as PythonNode;
    edits.push({ start: keyword.endIndex, end: raise.endIndex, text: '' });
  }
  return { edits };
}
