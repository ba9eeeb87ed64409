/**
 * `logger.error(…)` inside an `except` logs the message and drops the traceback: the log says that
 * something failed, not where or why. `logger.exception(…)` logs the same message at the same level
 * with the traceback of the exception being handled. A `print(…)` in a handler of a service says
 * even less, on stdout where nobody collects it: it goes through the file's logger (or the kit's)
 * as `logger.exception(…)`, with the same message.
 *
 * Left alone: a handler that already logs the traceback (`.exception`, `exc_info=`, a
 * `traceback.format_exc()` in a message, `traceback.print_exc()`), a narrow lookup
 * (`except KeyError:`) whose message says what was missing, and every `print` of a CLI, a script
 * that runs itself or a library, which is their output, not a log.
 */
import type { Finding, FixResult, TextEdit } from '../types.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { logsTraceback, ownDescendants } from './lib/handlers.js';
import { bindsName } from './lib/imports.js';
import { caughtNames, dottedName, enclosingExcept, enclosingFunction, exceptParts, lastSegment } from './lib/nodes.js';
import type { PythonNode } from './lib/parser.js';
import { preferredQuote } from './lib/style.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'log-without-traceback',
  title: 'Error logged in except without its traceback',
  description: 'logs with logger.exception(...) instead of logger.error(...) or print(...) inside except, keeping the message and adding the traceback',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    logWithoutTraceback: '`{call}` inside an except logs the message without the traceback; `.exception(...)` logs both at the same level.',
    printInExcept: '`print(…)` inside an except writes the message to the console without the traceback; log it with `.exception(...)`.',
    deliberate: '`{call}` inside an except logs without the traceback, and that is what the code means.',
  },
  docs: 'docs/rules/python/log-without-traceback.md',
  equivalents: ['TRY400'],
};

export function mightMatch(source: string): boolean {
  return source.includes('except') && (source.includes('.error(') || source.includes('print('));
}

/** `logging`, or a name that says it is a logger: `logger`, `log`, `LOGGER`, `self._log`, `audit_logger`. */
function isLogger(object: PythonNode): boolean {
  const name = dottedName(object);
  if (name === undefined) return false;
  const last = lastSegment(name).replace(/^_+/, '').toLowerCase();
  return last === 'logging' || last === 'log' || last === 'logger' || last.endsWith('_log') || last.endsWith('logger');
}

const TRACEBACK_CALLS = new Set(['format_exc', 'format_exception', 'format_tb', 'format_stack', 'print_exc', 'print_exception', 'print_tb', 'extract_tb']);

/** A `traceback.format_exc()`-like call: the stack is written out by hand. */
function isTracebackCall(call: PythonNode): boolean {
  const name = dottedName(call.childForFieldName('function') ?? call);
  return name !== undefined && TRACEBACK_CALLS.has(lastSegment(name)) && (name.startsWith('traceback.') || !name.includes('.'));
}

/** The handler already puts the traceback in the log, so one more would repeat it. */
function handlerLogsTraceback(clause: PythonNode): boolean {
  const parts = exceptParts(clause);
  return logsTraceback(parts) || ownDescendants(parts.body, ['call']).some(isTracebackCall);
}

const LOOKUP_ERRORS = new Set(['KeyError', 'IndexError', 'LookupError']);

/** `except KeyError:` around a lookup: the missing key is the expected answer, and the message says which. */
function narrowLookup(clause: PythonNode): boolean {
  const names = caughtNames(exceptParts(clause).types);
  return names !== undefined && names.length > 0 && names.every((name) => LOOKUP_ERRORS.has(lastSegment(name)));
}

/** The file runs as a script (`if __name__ == "__main__":`): what it prints is its output. */
function runsAsScript(root: PythonNode): boolean {
  return root.namedChildren.some((statement) => statement?.type === 'if_statement' && /^__name__\s*==\s*["']__main__["']$/.test(statement.childForFieldName('condition')?.text ?? ''));
}

/** The module-level logger the file made with `logging.getLogger(…)`, if any: its name. */
function fileLogger(root: PythonNode): string | undefined {
  for (const statement of root.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChild(0) : null;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'call') continue;
    const callee = dottedName(right.childForFieldName('function') ?? right);
    if (callee === 'logging.getLogger' || callee === 'getLogger' || callee === 'structlog.get_logger' || callee === 'structlog.getLogger') return left.text;
  }
  return undefined;
}

type Site =
  | { kind: 'error'; call: PythonNode; method: PythonNode; reason?: string }
  | { kind: 'print'; call: PythonNode; reason?: string };

const STANDARD_STREAMS = new Set(['sys.stdout', 'sys.stderr']);

/** Why a `print` cannot become a log call as written, if it cannot. */
function printProblem(call: PythonNode): string | undefined {
  const args = call.childForFieldName('arguments');
  if (args === null || args.type !== 'argument_list') return 'its arguments are not a plain list';
  for (const arg of args.namedChildren) {
    if (arg === null || arg.type === 'comment') continue;
    if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') return 'it prints unpacked arguments';
    if (arg.type !== 'keyword_argument') continue;
    const name = arg.childForFieldName('name')?.text;
    const value = arg.childForFieldName('value');
    if (name === 'file' && (value === null || !STANDARD_STREAMS.has(dottedName(value) ?? ''))) return 'it prints to a file of its own, not the console';
    if (name === 'sep' && value?.type !== 'string') return 'its separator is computed';
  }
  if (!args.namedChildren.some((arg) => arg !== null && arg.type !== 'comment' && arg.type !== 'keyword_argument')) return 'it prints an empty line';
  return undefined;
}

function sitesOf(ctx: PythonContext): Site[] {
  const sites: Site[] = [];
  const printIsBuiltin = !bindsName(ctx.root, 'print');
  const profile = ctx.kit?.profile ?? 'service';
  const script = runsAsScript(ctx.root);
  for (const call of ctx.root.descendantsOfType('call')) {
    if (call === null) continue;
    const callee = call.childForFieldName('function');
    if (callee === null) continue;
    const clause = enclosingExcept(call);
    if (clause === undefined) continue;
    const args = call.childForFieldName('arguments');
    if (callee.type === 'attribute') {
      const method = callee.childForFieldName('attribute');
      const object = callee.childForFieldName('object');
      if (method?.text !== 'error' || object === null || !isLogger(object)) continue;
      // `exc_info=` says what to log already; `**kwargs` may.
      if (args?.namedChildren.some((arg) => (arg?.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'exc_info') || arg?.type === 'dictionary_splat')) continue;
      if (handlerLogsTraceback(clause)) sites.push({ kind: 'error', call, method, reason: 'the handler already logs the traceback' });
      else if (narrowLookup(clause)) sites.push({ kind: 'error', call, method, reason: 'a missing key is the lookup\'s expected answer, and the message says which' });
      else sites.push({ kind: 'error', call, method });
    } else if (callee.type === 'identifier' && callee.text === 'print' && printIsBuiltin) {
      if (handlerLogsTraceback(clause)) continue;
      let reason: string | undefined;
      if (profile === 'cli') reason = "a CLI's console output is its user interface";
      else if (profile === 'library') reason = 'a library has no logger of its own; what it prints is for its caller';
      else if (script) reason = 'the file runs as a script, and what it prints is its output';
      else if (narrowLookup(clause)) reason = 'a missing key is the lookup\'s expected answer, and the message says which';
      else reason = printProblem(call);
      sites.push(reason === undefined ? { kind: 'print', call } : { kind: 'print', call, reason });
    }
  }
  return sites;
}

export function detect(ctx: PythonContext): Finding[] {
  const findings = sitesOf(ctx).map((site) => {
    const callText = `${(site.call.childForFieldName('function') as PythonNode).text}(…)`;
    if (site.reason !== undefined) {
      const finding = pythonFinding(meta, 'deliberate', site.call, ctx, { fixable: false, reason: site.reason, severity: 'info' });
      finding.message = finding.message.replace('{call}', callText);
      return finding;
    }
    const finding = pythonFinding(meta, site.kind === 'error' ? 'logWithoutTraceback' : 'printInExcept', site.call, ctx, { fixable: true });
    finding.message = finding.message.replace('{call}', callText);
    return finding;
  });
  return withoutSuppressedPython(findings, meta, ctx);
}

/**
 * The arguments of `print(…)` as those of a log call, printing the same text: one message as it is,
 * or a `%s` format joining them with `sep`, plain string literals written into it.
 */
function logArguments(call: PythonNode, quote: string): string {
  const args = (call.childForFieldName('arguments') as PythonNode).namedChildren.filter((arg): arg is PythonNode => arg !== null && arg.type !== 'comment');
  const positional = args.filter((arg) => arg.type !== 'keyword_argument');
  const sepArg = args.find((arg) => arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'sep')?.childForFieldName('value');
  const only = positional[0] as PythonNode;
  // One value is the message as it is: without arguments, logging formats nothing in it.
  if (positional.length === 1) return only.text;
  const separator = sepArg === null || sepArg === undefined ? ' ' : (evaluatedPlainString(sepArg) ?? ' ');
  const literal = (text: string): string => text.replace(/%/g, '%%');
  const pieces = positional.map((arg) => {
    const plain = evaluatedPlainString(arg);
    return plain === undefined ? { format: '%s', arg: arg.text } : { format: literal(plain), arg: undefined };
  });
  const format = pieces.map((piece) => piece.format).join(literal(separator));
  const escaped = format.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return [`${quote}${escaped}${quote}`, ...pieces.flatMap((piece) => (piece.arg === undefined ? [] : [piece.arg]))].join(', ');
}

/** The value of a plain string literal without escapes or interpolation, if it is one. */
function evaluatedPlainString(node: PythonNode): string | undefined {
  if (node.type !== 'string' || node.descendantsOfType(['interpolation', 'escape_sequence']).some((part) => part !== null)) return undefined;
  const content = node.namedChildren.filter((part) => part?.type === 'string_content').map((part) => part?.text ?? '').join('');
  return /^[a-zA-Z]/.test(node.text) ? undefined : content;
}

/** A separator before the exception at the end of a message: `": "`, `" - "`, `", "`, `" "`. */
const TAIL_SEPARATOR = /(?::\s*|\s+-\s+|,\s*|\s+)$/;

/**
 * With the traceback logged, the exception in the message repeats it (Ruff's TRY401): a message
 * ending in `: %s` whose last argument is the caught exception, or an f-string ending in `: {err}`,
 * loses that tail. Anything else is kept as it is.
 */
function redundantExceptionEdits(call: PythonNode, caught: string | undefined): TextEdit[] {
  if (caught === undefined) return [];
  const args = call.childForFieldName('arguments');
  const positional = (args?.namedChildren ?? []).filter((arg): arg is PythonNode => arg !== null && arg.type !== 'comment' && arg.type !== 'keyword_argument');
  const message = positional[0];
  if (message === undefined || message.type !== 'string') return [];
  const isCaught = (node: PythonNode | null | undefined): boolean =>
    node !== null && node !== undefined && (node.text === caught || node.text === `str(${caught})` || node.text === `repr(${caught})`);
  const parts = message.namedChildren.filter((part): part is PythonNode => part !== null && part.type !== 'string_start' && part.type !== 'string_end');
  const interpolations = parts.filter((part) => part.type === 'interpolation');
  const last = parts[parts.length - 1];
  const beforeLast = parts[parts.length - 2];
  if (interpolations.length > 0) {
    if (positional.length !== 1 || last?.type !== 'interpolation' || beforeLast?.type !== 'string_content') return [];
    const expression = last.namedChildren.find((part) => part !== null && part.type !== 'type_conversion' && part.type !== 'format_specifier');
    if (!isCaught(expression) || last.namedChildren.some((part) => part?.type === 'format_specifier')) return [];
    const separator = TAIL_SEPARATOR.exec(beforeLast.text)?.[0];
    if (separator === undefined || separator.length === beforeLast.text.length) return [];
    return [{ start: beforeLast.endIndex - separator.length, end: last.endIndex, text: '' }];
  }
  if (positional.length < 2 || !isCaught(positional[positional.length - 1]) || last?.type !== 'string_content') return [];
  const content = last.text;
  const placeholders = content.match(/%[sr]/g)?.length ?? 0;
  if (content.replace(/%%/g, '').match(/%/g)?.length !== placeholders || placeholders !== positional.length - 1 || !/%[sr]$/.test(content)) return [];
  const separator = TAIL_SEPARATOR.exec(content.slice(0, -2))?.[0];
  if (separator === undefined || separator.length === content.length - 2) return [];
  const lastArg = positional[positional.length - 1] as PythonNode;
  const previous = positional[positional.length - 2] as PythonNode;
  return [
    { start: last.endIndex - 2 - separator.length, end: last.endIndex, text: '' },
    { start: previous.endIndex, end: lastArg.endIndex, text: '' },
  ];
}

export function fix(ctx: PythonContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable).map((finding) => finding.start));
  const edits: TextEdit[] = [];
  const own = fileLogger(ctx.root);
  const quote = preferredQuote(ctx.root);
  const tracebackLogged = new Set<number>();
  for (const site of sitesOf(ctx)) {
    if (site.reason !== undefined || !wanted.has(site.call.startIndex)) continue;
    const caught = exceptParts(enclosingExcept(site.call) as PythonNode).name?.text;
    if (site.kind === 'error') {
      // One traceback per handler: a later `.error` in it stays as it is.
      const clause = enclosingExcept(site.call) as PythonNode;
      if (tracebackLogged.has(clause.id)) continue;
      tracebackLogged.add(clause.id);
      edits.push({ start: site.method.startIndex, end: site.method.endIndex, text: 'exception' }, ...redundantExceptionEdits(site.call, caught));
      continue;
    }
    const scope = enclosingFunction(site.call) ?? ctx.root;
    const logger = own ?? ctx.useKit?.('logger', scope);
    if (logger === undefined) continue;
    // One traceback per handler: the prints after the first log their lines without it.
    const clause = enclosingExcept(site.call) as PythonNode;
    const method = tracebackLogged.has(clause.id) ? 'error' : 'exception';
    tracebackLogged.add(clause.id);
    edits.push({ start: site.call.startIndex, end: site.call.endIndex, text: `${logger}.${method}(${logArguments(site.call, quote)})` });
  }
  return { edits };
}
