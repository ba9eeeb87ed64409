/**
 * In a coroutine, `asyncio.CancelledError` is how `task.cancel()`, timeouts and shutdown stop the
 * task. A handler that catches it (by name, as `BaseException`, or with a bare `except:`) and does
 * not re-raise turns the cancellation into a normal return: the task keeps running or reports
 * success, `asyncio.timeout` cannot time it out, and shutdown waits on it.
 */
import type { Finding } from '../types.js';
import { hasExplanation, reRaises } from './lib/handlers.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { namesImportedFrom } from './lib/imports.js';
import { caughtNames, enclosingFunction, exceptParts, isAsyncFunction } from './lib/nodes.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'swallowed-cancellation',
  title: 'Cancellation swallowed in a coroutine',
  description: 'reports handlers in async functions that catch CancelledError (or everything) and do not re-raise it',
  changesBehaviour: false,
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

export function detect(ctx: PythonContext): Finding[] {
  const fromAsyncio = namesImportedFrom(ctx.root, 'asyncio');
  const catchesCancellation = (name: string): boolean =>
    name === 'asyncio.CancelledError' || name === 'asyncio.exceptions.CancelledError' || name === 'BaseException' || fromAsyncio.get(name) === 'CancelledError';
  const findings: Finding[] = [];
  for (const clause of ctx.root.descendantsOfType('except_clause')) {
    if (clause === null) continue;
    const owner = enclosingFunction(clause);
    if (owner === undefined || !isAsyncFunction(owner)) continue;
    const parts = exceptParts(clause);
    if (parts.group) continue;
    const names = caughtNames(parts.types);
    const catches = parts.types === undefined || (names !== undefined && names.some(catchesCancellation));
    if (!catches || reRaises(parts) || hasExplanation(parts)) continue;
    findings.push(pythonFinding(meta, 'swallowedCancellation', clause.child(0) ?? clause, ctx, { fixable: false }));
  }
  return withoutSuppressedPython(findings, meta, ctx);
}
