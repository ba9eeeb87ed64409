/**
 * `raise X(…)` inside an `except` without `from`: the new exception's traceback says "During handling
 * of the above exception, another exception occurred", as if the handler itself had crashed, and
 * tools that follow `__cause__` lose the original. The fix chains it: `raise X(…) from err`, binding
 * the caught exception under a name nothing in the function uses when the clause has none.
 */
import type { Finding, FixResult, TextEdit } from '../types.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { enclosingExcept, enclosingFunction, exceptParts, identifiersIn, inGuardedTryBody } from './lib/nodes.js';
import type { PythonNode } from './lib/parser.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'raise-without-from',
  title: 'Raise inside except without from',
  description: 'chains the exception raised in an except block to the one caught: raise X(...) from err',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    raiseWithoutFrom: 'Exception raised while handling another without `from`: the original is shown as a crash of the handler, not as the cause.',
  },
  docs: 'docs/rules/python/raise-without-from.md',
  equivalents: ['B904', 'W0707'],
  pylintNames: ['raise-missing-from'],
};

export function mightMatch(source: string): boolean {
  return source.includes('raise') && source.includes('except');
}

interface Site {
  raise: PythonNode;
  /** What follows `raise`: the exception expression. */
  raised: PythonNode;
  clause: PythonNode;
}

function sitesOf(ctx: PythonContext): Array<{ site: Site; reason?: string }> {
  const sites: Array<{ site: Site; reason?: string }> = [];
  for (const raise of ctx.root.descendantsOfType('raise_statement')) {
    if (raise === null) continue;
    const raised = raise.namedChild(0);
    if (raised === null || raise.childForFieldName('cause') !== null || raise.children.some((child) => child?.type === 'from')) continue;
    const clause = enclosingExcept(raise);
    if (clause === undefined || inGuardedTryBody(raise, clause)) continue;
    const parts = exceptParts(clause);
    // `raise err` of the caught exception itself is verbose-raise's.
    if (parts.name !== undefined && raised.type === 'identifier' && raised.text === parts.name.text) continue;
    const site = { raise, raised, clause };
    if (parts.name === undefined && parts.types === undefined) sites.push({ site, reason: 'a bare except has nothing to bind; name the exception it expects first' });
    else if (parts.name === undefined && parts.unparenthesizedList) sites.push({ site, reason: 'the exception list has no parentheses, so it cannot take a name as written' });
    else sites.push({ site });
  }
  return sites;
}

export function detect(ctx: PythonContext): Finding[] {
  const findings = sitesOf(ctx).map(({ site, reason }) =>
    pythonFinding(meta, 'raiseWithoutFrom', site.raise, ctx, reason === undefined ? { fixable: true } : { fixable: false, reason }),
  );
  return withoutSuppressedPython(findings, meta, ctx);
}

/** A name for the caught exception that nothing in the scope spells, so binding it shadows and deletes nothing. */
function freshName(clause: PythonNode, ctx: PythonContext): string {
  const scope = enclosingFunction(clause) ?? ctx.root;
  const taken = identifiersIn(scope);
  for (const candidate of ['err', 'error', 'exc']) if (!taken.has(candidate)) return candidate;
  for (let index = 2; ; index++) if (!taken.has(`err${index}`)) return `err${index}`;
}

export function fix(ctx: PythonContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable).map((finding) => finding.start));
  const edits: TextEdit[] = [];
  const boundNames = new Map<number, string>();
  for (const { site, reason } of sitesOf(ctx)) {
    if (reason !== undefined || !wanted.has(site.raise.startIndex)) continue;
    const parts = exceptParts(site.clause);
    let name = parts.name?.text ?? boundNames.get(site.clause.startIndex);
    if (name === undefined) {
      name = freshName(site.clause, ctx);
      boundNames.set(site.clause.startIndex, name);
      edits.push({ start: (parts.types as PythonNode).endIndex, end: (parts.types as PythonNode).endIndex, text: ` as ${name}` });
    }
    edits.push({ start: site.raised.endIndex, end: site.raised.endIndex, text: ` from ${name}` });
  }
  return { edits };
}
