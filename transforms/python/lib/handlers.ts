/** Judgments about `except` handlers that several rules share. */
import { caughtNames, exceptParts, inGuardedTryBody, lastSegment, statementsOf, type ExceptParts } from './nodes.js';
import type { PythonNode } from './parser.js';

const BROAD = new Set(['Exception', 'BaseException']);

/** `except Exception`, `except BaseException` (alone or among others in a tuple). Not a bare `except:`. */
export function catchesBroadly(parts: ExceptParts): boolean {
  const names = caughtNames(parts.types);
  return names !== undefined && names.some((name) => BROAD.has(name) || (name.includes('.') && name.startsWith('builtins.') && BROAD.has(lastSegment(name))));
}

/**
 * A comment anywhere in the clause, or after its colon on the same line, says the handler is what
 * its author meant.
 */
export function hasExplanation(parts: ExceptParts): boolean {
  return parts.clause.descendantsOfType('comment').some((comment) => comment !== null) || parts.clause.children.some((child) => child?.type === 'comment');
}

/** A `_`-prefixed name (`except OSError as _ignored:`) marks the exception as deliberately unused. */
export function namedAsIgnored(parts: ExceptParts): boolean {
  return parts.name !== undefined && parts.name.text.startsWith('_');
}

/** The handler's only statement is `keyword` (`pass`, `continue`). */
export function onlyStatement(parts: ExceptParts, type: 'pass_statement' | 'continue_statement'): PythonNode | undefined {
  const statements = statementsOf(parts.body);
  return statements.length === 1 && statements[0]?.type === type ? statements[0] : undefined;
}

const SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);

/** Nodes of `types` inside `node` that run as part of it, not in a function or class defined there. */
export function ownDescendants(node: PythonNode, types: string[]): PythonNode[] {
  return node.descendantsOfType(types).filter((found): found is PythonNode => {
    if (found === null) return false;
    for (let current = found.parent; current !== null && current.startIndex >= node.startIndex && current.id !== node.id; current = current.parent) {
      if (SCOPES.has(current.type)) return false;
    }
    return true;
  });
}

/** The handler raises again: a bare `raise`, `raise err` of the caught name, or anything `from err`, where no nested `try` may catch it. */
export function reRaises(parts: ExceptParts): boolean {
  const name = parts.name?.text;
  return ownDescendants(parts.body, ['raise_statement']).some((raise) => {
    if (inGuardedTryBody(raise, parts.clause)) return false;
    const raised = raise.namedChild(0);
    if (raised === null) return true;
    if (name === undefined) return false;
    if (raised.type === 'identifier' && raised.text === name) return true;
    const cause = raise.childForFieldName('cause') ?? (raise.namedChildCount > 1 ? raise.namedChild(raise.namedChildCount - 1) : null);
    return cause !== null && cause.type === 'identifier' && cause.text === name;
  });
}

/** The handler logs the exception with its traceback: `logger.exception(…)` or a call given `exc_info`. */
export function logsTraceback(parts: ExceptParts): boolean {
  return ownDescendants(parts.body, ['call']).some((call) => {
    const callee = call.childForFieldName('function');
    if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'exception') return true;
    const args = call.childForFieldName('arguments');
    return (
      args?.namedChildren.some((arg) => {
        if (arg?.type !== 'keyword_argument' || arg.childForFieldName('name')?.text !== 'exc_info') return false;
        const value = arg.childForFieldName('value');
        return value !== null && value.type !== 'false' && value.type !== 'none';
      }) ?? false
    );
  });
}

export { exceptParts };
