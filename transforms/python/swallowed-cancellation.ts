/**
 * In a coroutine, `asyncio.CancelledError` is how `task.cancel()`, timeouts and shutdown stop the
 * task. A handler that catches it (by name, as `BaseException`, or with a bare `except:`) and does
 * not re-raise turns the cancellation into a normal return: the task keeps running or reports
 * success, `asyncio.timeout` cannot time it out, and shutdown waits on it. The fix re-raises after
 * the handler's cleanup: a bare `raise` where the handler catches only the cancellation, and
 * `if isinstance(err, CancelledError): raise` where it catches more, so other exceptions are
 * handled as before.
 */
import type { Finding, FixResult, TextEdit } from '../types.js';
import { hasExplanation, ownDescendants, reRaises } from './lib/handlers.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { namesImportedFrom } from './lib/imports.js';
import { caughtNames, enclosingFunction, exceptParts, isAsyncFunction, statementsOf, type ExceptParts } from './lib/nodes.js';
import type { PythonNode } from './lib/parser.js';
import { indentationAt, lineEnding } from './lib/style.js';
import { bindExceptionEdits, freshExceptionName } from './lib/swallowing.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'swallowed-cancellation',
  title: 'Cancellation swallowed in a coroutine',
  description: 're-raises the cancellation a handler in an async function catches, after its cleanup',
  // A cancelled task now ends cancelled instead of returning: what its awaiters see changes.
  changesBehaviour: true,
  severity: 'warning',
  messages: {
    swallowedCancellation: 'This handler catches the task\'s cancellation and does not re-raise it, so the task cannot be cancelled or timed out; re-raise after cleaning up.',
  },
  docs: 'docs/rules/python/swallowed-cancellation.md',
  // Neither Ruff nor pylint has this check.
  equivalents: [],
};

export function mightMatch(source: string): boolean {
  return source.includes('async') && source.includes('except');
}

interface Site {
  clause: PythonNode;
  parts: ExceptParts;
  /** The handler catches only the cancellation (true), or more besides (a bare except, BaseException, a tuple). */
  only: boolean;
  reason?: string;
}

/** How the file spells `asyncio.CancelledError`, if it can: `asyncio.CancelledError`, or the name it imports it under. */
function cancelledErrorSpelling(ctx: PythonContext): string | undefined {
  for (const [local, name] of namesImportedFrom(ctx.root, 'asyncio')) if (name === 'CancelledError') return local;
  const importsAsyncio = ctx.root.descendantsOfType('import_statement').some((statement) => statement?.namedChildren.some((child) => child?.type === 'dotted_name' && child.text === 'asyncio'));
  return importsAsyncio ? 'asyncio.CancelledError' : undefined;
}

function sitesOf(ctx: PythonContext): Site[] {
  const fromAsyncio = namesImportedFrom(ctx.root, 'asyncio');
  const isCancellation = (name: string): boolean => name === 'asyncio.CancelledError' || name === 'asyncio.exceptions.CancelledError' || fromAsyncio.get(name) === 'CancelledError';
  const spelling = cancelledErrorSpelling(ctx);
  const sites: Site[] = [];
  for (const clause of ctx.root.descendantsOfType('except_clause')) {
    if (clause === null) continue;
    const owner = enclosingFunction(clause);
    if (owner === undefined || !isAsyncFunction(owner)) continue;
    const parts = exceptParts(clause);
    if (parts.group) continue;
    const names = caughtNames(parts.types);
    const catches = parts.types === undefined || (names !== undefined && names.some((name) => isCancellation(name) || name === 'BaseException'));
    if (!catches || reRaises(parts) || hasExplanation(parts)) continue;
    const only = names !== undefined && names.every(isCancellation);
    const site: Site = { clause, parts, only };
    const exits = ownDescendants(parts.body, ['return_statement', 'break_statement', 'continue_statement', 'raise_statement']);
    if (exits.length > 0) site.reason = 'the handler leaves by return, break, continue or raise, which a re-raise at its end would not follow; re-raise by hand';
    else if (parts.body.startPosition.row === clause.startPosition.row) site.reason = 'the handler is on the except line; re-raise by hand';
    else if (!only && spelling === undefined) site.reason = 'the file does not import asyncio, so its CancelledError cannot be named; re-raise by hand';
    else if (!only && parts.name === undefined && parts.unparenthesizedList) site.reason = 'the exception list has no parentheses, so it cannot take a name as written';
    sites.push(site);
  }
  return sites;
}

export function detect(ctx: PythonContext): Finding[] {
  const findings = sitesOf(ctx).map((site) =>
    pythonFinding(meta, 'swallowedCancellation', site.clause.child(0) ?? site.clause, ctx, site.reason === undefined ? { fixable: true } : { fixable: false, reason: site.reason }),
  );
  return withoutSuppressedPython(findings, meta, ctx);
}

export function fix(ctx: PythonContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable).map((finding) => finding.start));
  const edits: TextEdit[] = [];
  const eol = lineEnding(ctx.source);
  const spelling = cancelledErrorSpelling(ctx);
  for (const site of sitesOf(ctx)) {
    if (site.reason !== undefined || !wanted.has((site.clause.child(0) ?? site.clause).startIndex)) continue;
    const statements = statementsOf(site.parts.body);
    const last = statements[statements.length - 1];
    if (last === undefined) continue;
    const indentation = indentationAt(ctx.source, last.startIndex);
    if (site.only) {
      if (statements.length === 1 && last.type === 'pass_statement') edits.push({ start: last.startIndex, end: last.endIndex, text: 'raise' });
      else edits.push({ start: last.endIndex, end: last.endIndex, text: `${eol}${indentation}raise` });
      continue;
    }
    const name = site.parts.name?.text ?? freshExceptionName(site.clause, ctx);
    if (site.parts.name === undefined) edits.push(...bindExceptionEdits(site.parts, name));
    const step = indentation.startsWith('\t') ? '\t' : indentation.slice(indentationAt(ctx.source, site.clause.startIndex).length) || '    ';
    const check = `if isinstance(${name}, ${spelling}):${eol}${indentation}${step}raise`;
    if (statements.length === 1 && last.type === 'pass_statement') edits.push({ start: last.startIndex, end: last.endIndex, text: check });
    else edits.push({ start: last.endIndex, end: last.endIndex, text: `${eol}${indentation}${check}` });
  }
  return { edits };
}
