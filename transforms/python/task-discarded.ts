/**
 * `asyncio.create_task(…)` whose result is dropped: the event loop keeps only a weak reference, so
 * the task can be garbage-collected mid-flight, and its exception is never retrieved (at best a
 * "Task exception was never retrieved" line at exit).
 */
import type { Finding } from '../types.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { namesImportedFrom } from './lib/imports.js';
import { dottedName } from './lib/nodes.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'task-discarded',
  title: 'Task created and dropped',
  description: 'reports asyncio.create_task(...) whose task is not kept, so it may be collected and its error is lost',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    taskDiscarded: 'The task is not kept: it can be garbage-collected before it finishes, and its exception is never seen. Keep a reference and await it or add a done callback.',
  },
  docs: 'docs/rules/python/task-discarded.md',
  equivalents: ['RUF006'],
};

const SPAWNERS = new Set(['create_task', 'ensure_future']);

export function mightMatch(source: string): boolean {
  return source.includes('create_task') || source.includes('ensure_future');
}

export function detect(ctx: PythonContext): Finding[] {
  const imported = namesImportedFrom(ctx.root, 'asyncio');
  const findings: Finding[] = [];
  for (const statement of ctx.root.descendantsOfType('expression_statement')) {
    if (statement === null || statement.namedChildCount !== 1) continue;
    const call = statement.namedChild(0);
    if (call?.type !== 'call') continue;
    const callee = call.childForFieldName('function');
    const name = callee === null ? undefined : dottedName(callee);
    if (name === undefined) continue;
    const spawns = name.startsWith('asyncio.') ? SPAWNERS.has(name.slice('asyncio.'.length)) : SPAWNERS.has(imported.get(name) ?? '');
    if (spawns) findings.push(pythonFinding(meta, 'taskDiscarded', call, ctx, { fixable: false }));
  }
  return withoutSuppressedPython(findings, meta, ctx);
}
