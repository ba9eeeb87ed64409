/** Judgments about `except` handlers that several rules share. */
import { caughtNames, dottedName, exceptParts, inGuardedTryBody, lastSegment, statementsOf, type ExceptParts } from './nodes.js';
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

/**
 * Calls whose failure is an answer, not an accident: a conversion or parse (`int(value)`,
 * `json.loads(text)`, `literal_eval(text)`), or a lookup of something that may not be there
 * (`distribution("pkg")`, `import_module(name)`, `pwd.getpwnam(user)`).
 */
const PROBES = new Set([
  'int', 'float', 'complex', 'Decimal', 'Fraction', 'UUID', 'literal_eval', 'loads', 'safe_load', 'fromisoformat', 'strptime',
  'b64decode', 'urlsafe_b64decode', 'unhexlify', 'fromhex', 'ip_address', 'ip_network', 'distribution', 'import_module', 'find_spec',
  'getpwnam', 'getpwuid', 'getgrnam', 'getgrgid', 'gethostbyname', 'getaddrinfo', 'which',
  // Creating a folder that may be there already (not with `exist_ok=True`, which never fails for that).
  'mkdir', 'makedirs',
]);
const UNLESS_EXIST_OK = new Set(['mkdir', 'makedirs']);
/** `loads` and `safe_load` probe only as a parser's: `json.loads`, `yaml.safe_load`, `tomllib.loads`. */
const QUALIFIED_ONLY = new Set(['loads', 'safe_load']);

/** The probe call a statement makes (`x = int(v)`, `return json.loads(t)`, `import_module(n)`), if it makes only that. */
function probeOf(statement: PythonNode): string | undefined {
  let value: PythonNode | null = null;
  if (statement.type === 'return_statement') value = statement.namedChild(0);
  else if (statement.type === 'expression_statement') {
    const inner = statement.namedChild(0);
    value = inner?.type === 'assignment' || inner?.type === 'augmented_assignment' ? inner.childForFieldName('right') : inner;
  }
  if (value?.type === 'await') value = value.namedChild(0);
  if (value?.type !== 'call') return undefined;
  const callee = value.childForFieldName('function');
  const name = callee === null ? undefined : dottedName(callee);
  if (name === undefined) return undefined;
  const last = lastSegment(name);
  if (!PROBES.has(last) || (QUALIFIED_ONLY.has(last) && !name.includes('.'))) return undefined;
  if (UNLESS_EXIST_OK.has(last) && mayAcceptExisting(value)) return undefined;
  return name;
}

/** `exist_ok=True`, or an `exist_ok` (or `**options`) whose value is not known: the call does not fail for a folder that exists. */
function mayAcceptExisting(call: PythonNode): boolean {
  const args = call.childForFieldName('arguments');
  return (
    args?.namedChildren.some((arg) => {
      if (arg?.type === 'dictionary_splat') return true;
      if (arg?.type !== 'keyword_argument' || arg.childForFieldName('name')?.text !== 'exist_ok') return false;
      return arg.childForFieldName('value')?.type !== 'false';
    }) ?? false
  );
}

/** The probe the try block of `clause` is, when every statement of it is one: its failure is the expected answer. */
export function probeOfTry(clause: PythonNode): string | undefined {
  return whatEveryStatementDoes(clause, probeOf);
}

/**
 * What the try block of `clause` does, as `of` names it, when its one or two statements each do
 * such a thing (the first one's name); undefined when any does something else.
 */
function whatEveryStatementDoes(clause: PythonNode, of: (statement: PythonNode) => string | undefined): string | undefined {
  const statement = clause.parent;
  const body = statement?.type === 'try_statement' ? statement.childForFieldName('body') : null;
  if (body === null || body === undefined) return undefined;
  const statements = statementsOf(body);
  if (statements.length === 0 || statements.length > 2) return undefined;
  const names = statements.map(of);
  return names.every((name) => name !== undefined) ? names[0] : undefined;
}

/**
 * Best-effort cleanup: removing a file or folder (`os.remove(path)`, `shutil.rmtree(tmp)`,
 * `path.unlink()`), closing something (`conn.close()`) or stopping a process that may be gone
 * (`os.kill(pid, signal.SIGTERM)`, `proc.terminate()`). A handler that passes over its failure
 * (already gone, still in use, closed twice) has decided there is nothing more to do. A method is
 * counted on a plain name only: `queue.get_nowait().close()` can fail before anything is closed.
 */
const CLEANUP_FUNCTIONS = new Set(['os.remove', 'os.unlink', 'os.rmdir', 'os.removedirs', 'os.close', 'os.kill', 'shutil.rmtree']);
const CLEANUP_METHODS = new Set(['unlink', 'rmdir', 'close', 'aclose', 'kill', 'terminate']);

function cleanupOf(statement: PythonNode): string | undefined {
  if (statement.type !== 'expression_statement') return undefined;
  let value = statement.namedChild(0);
  if (value?.type === 'await') value = value.namedChild(0);
  if (value?.type !== 'call') return undefined;
  const callee = value.childForFieldName('function');
  const name = callee === null ? undefined : dottedName(callee);
  if (name === undefined) return undefined;
  if (CLEANUP_FUNCTIONS.has(name)) return name;
  return name.includes('.') && CLEANUP_METHODS.has(lastSegment(name)) ? name : undefined;
}

/** The cleanup the try block of `clause` does, when each of its (at most two) statements is one. */
export function cleanupOfTry(clause: PythonNode): string | undefined {
  return whatEveryStatementDoes(clause, cleanupOf);
}
