/**
 * `asyncio.gather(…)` runs its awaitables together and raises the first failure; the others keep
 * running, and what they raise is never seen. Its failures are handled when it is awaited inside a
 * `try` that has handlers, or collected with `return_exceptions=True` into a result the code keeps.
 * Reported: a gather never awaited, one awaited outside such a `try`, and one whose collected
 * exceptions are dropped (`await asyncio.gather(…, return_exceptions=True)` as a statement).
 */
import type { Finding } from '../types.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { namesImportedFrom } from './lib/imports.js';
import { dottedName, enclosingFunction } from './lib/nodes.js';
import type { PythonNode } from './lib/parser.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'gather-loses-errors',
  title: 'asyncio.gather whose failures are lost',
  description: 'reports asyncio.gather(...) not awaited in a try and not collecting exceptions, or collecting them only to drop them',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    notAwaited: 'The gather is never awaited: when its awaitables fail, nobody sees it. Await it (in a try), or use an asyncio.TaskGroup.',
    unguarded: 'Only the first failure of this gather is raised; the other awaitables keep running and their failures are lost. Await it in a try, pass return_exceptions=True and check the results, or use an asyncio.TaskGroup.',
    dropped: 'return_exceptions=True collects the failures into the results, which are dropped here; check them.',
  },
  docs: 'docs/rules/python/gather-loses-errors.md',
  // Neither Ruff nor pylint has this check.
  equivalents: [],
};

export function mightMatch(source: string): boolean {
  return source.includes('gather');
}

/** Whether `node` runs in the body of a `try` that has `except` clauses, within its function. */
function inGuardedTry(node: PythonNode): boolean {
  for (let current = node; current.parent !== null; current = current.parent) {
    const parent = current.parent;
    if (parent.type === 'function_definition' || parent.type === 'lambda' || parent.type === 'class_definition') return false;
    if (parent.type === 'try_statement' && parent.childForFieldName('body')?.id === current.id && parent.children.some((child) => child?.type === 'except_clause')) return true;
  }
  return false;
}

function collectsExceptions(call: PythonNode): boolean {
  return (
    call.childForFieldName('arguments')?.namedChildren.some((arg) => {
      if (arg?.type !== 'keyword_argument' || arg.childForFieldName('name')?.text !== 'return_exceptions') return false;
      return arg.childForFieldName('value')?.type !== 'false';
    }) ?? false
  );
}

/** The name the gather's future is assigned to, when it is: `results = asyncio.gather(…)`. */
function assignedName(node: PythonNode): string | undefined {
  const parent = node.parent;
  if (parent?.type !== 'assignment' || parent.childForFieldName('right')?.id !== node.id) return undefined;
  const left = parent.childForFieldName('left');
  return left?.type === 'identifier' ? left.text : undefined;
}

export function detect(ctx: PythonContext): Finding[] {
  const imported = namesImportedFrom(ctx.root, 'asyncio');
  const findings: Finding[] = [];
  for (const call of ctx.root.descendantsOfType('call')) {
    if (call === null) continue;
    const name = dottedName(call.childForFieldName('function') ?? call);
    if (name !== 'asyncio.gather' && imported.get(name ?? '') !== 'gather') continue;
    const collects = collectsExceptions(call);
    const awaited = call.parent?.type === 'await' ? call.parent : undefined;
    if (awaited === undefined) {
      // A future kept under a name is judged where it is awaited.
      const kept = assignedName(call);
      const scope = enclosingFunction(call) ?? ctx.root;
      const awaitedLater = kept !== undefined && scope.descendantsOfType('await').some((node) => node?.namedChild(0)?.text === kept);
      if (kept !== undefined && (awaitedLater || collects)) continue;
      // Returned or passed on: the caller awaits it.
      if (call.parent?.type === 'return_statement' || call.parent?.type === 'argument_list' || call.parent?.type === 'keyword_argument') continue;
      if (kept === undefined && call.parent?.type !== 'expression_statement') continue;
      if (!awaitedLater) findings.push(pythonFinding(meta, 'notAwaited', call, ctx, { fixable: false }));
      continue;
    }
    if (collects) {
      if (awaited.parent?.type === 'expression_statement') findings.push(pythonFinding(meta, 'dropped', call, ctx, { fixable: false }));
      continue;
    }
    // One awaitable has nothing to lose besides the failure that is raised.
    const args = call.childForFieldName('arguments')?.namedChildren.filter((arg) => arg !== null && arg.type !== 'keyword_argument' && arg.type !== 'comment') ?? [];
    if (args.length === 1 && args[0]?.type !== 'list_splat') continue;
    if (!inGuardedTry(awaited)) findings.push(pythonFinding(meta, 'unguarded', call, ctx, { fixable: false }));
  }
  return withoutSuppressedPython(findings, meta, ctx);
}
