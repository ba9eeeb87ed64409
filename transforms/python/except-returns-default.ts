/**
 * `except Exception: return None` turns a failure into an ordinary-looking result: callers cannot
 * tell "nothing there" from "could not find out", and nobody is told that it failed. A narrow
 * exception (`except KeyError: return None`) is the expected answer of a lookup and is not
 * reported; a comment or a `_` name marks a broad one as deliberate.
 */
import type { Finding } from '../types.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { catchesBroadly, hasExplanation, namedAsIgnored, probeOfTry } from './lib/handlers.js';
import { exceptParts, statementsOf } from './lib/nodes.js';
import type { PythonNode } from './lib/parser.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'except-returns-default',
  title: 'Broad except that returns a default',
  description: 'reports except Exception handlers that only return None, False, 0, an empty string or an empty collection',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    returnsDefault: 'This handler returns `{value}` and drops the exception; report it (or re-raise) so the failure is visible.',
    deliberate: 'This handler returns `{value}` and drops the exception, marked as deliberate.',
  },
  docs: 'docs/rules/python/except-returns-default.md',
  // Ruff and pylint report the broad except itself (BLE001, W0718), not what it returns.
  equivalents: [],
};

export function mightMatch(source: string): boolean {
  return source.includes('except') && source.includes('return');
}

const EMPTY_CALLS = new Set(['list', 'dict', 'set', 'tuple', 'str', 'frozenset']);

/** `None`, `False`, `0`, `""`, `[]`, `{}`, `()`, `list()`…: a stand-in for "no result". */
function isStandIn(value: PythonNode | null): boolean {
  if (value === null) return true;
  switch (value.type) {
    case 'none':
    case 'false':
      return true;
    case 'integer':
    case 'float':
      return Number(value.text.replace(/_/g, '')) === 0;
    case 'string':
      return value.namedChildren.every((part) => part?.type === 'string_start' || part?.type === 'string_end');
    case 'list':
    case 'dictionary':
    case 'tuple':
    case 'set':
      return value.namedChildCount === 0;
    case 'call': {
      const callee = value.childForFieldName('function');
      return callee?.type === 'identifier' && EMPTY_CALLS.has(callee.text) && (value.childForFieldName('arguments')?.namedChildCount ?? 0) === 0;
    }
    default:
      return false;
  }
}

export function detect(ctx: PythonContext): Finding[] {
  const findings: Finding[] = [];
  for (const clause of ctx.root.descendantsOfType('except_clause')) {
    if (clause === null) continue;
    const parts = exceptParts(clause);
    if (parts.types !== undefined && !catchesBroadly(parts)) continue;
    const statements = statementsOf(parts.body);
    const only = statements.length === 1 ? statements[0] : undefined;
    if (only?.type !== 'return_statement' || !isStandIn(only.namedChild(0))) continue;
    const value = only.namedChild(0)?.text ?? 'None';
    const probe = probeOfTry(clause);
    const deliberate = hasExplanation(parts)
      ? 'a comment explains the handler'
      : namedAsIgnored(parts)
        ? `the name \`${parts.name?.text}\` marks the exception as deliberately unused`
        : probe !== undefined
          ? `the try block probes with \`${probe}\`, whose failure is an expected answer`
          : undefined;
    const finding =
      deliberate === undefined
        ? pythonFinding(meta, 'returnsDefault', clause.child(0) ?? clause, ctx, { fixable: false })
        : pythonFinding(meta, 'deliberate', clause.child(0) ?? clause, ctx, { fixable: false, reason: deliberate, severity: 'info' });
    finding.message = finding.message.replace('{value}', value);
    findings.push(finding);
  }
  return withoutSuppressedPython(findings, meta, ctx);
}
