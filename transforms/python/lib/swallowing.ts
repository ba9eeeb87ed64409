/**
 * The handlers `except-pass` and `except-continue` report: a broad or bare `except` whose only
 * statement drops the exception. The fix reports it through the kit
 * (`report_error(err, operation="Class.method")`) before going on as before.
 *
 * What marks the silence as a decision is left alone and listed for information: a comment in the
 * handler or on its line, a `_`-prefixed name, a comment in the `try` block saying its failure is
 * expected, a try block that only probes or cleans up (`os.remove(tmp)`, `conn.close()`), a
 * handler in a finalizer (`__del__`). A narrow exception (`except FileNotFoundError: pass`) is the
 * expected answer of a probe, not a swallowed failure, and is not reported at all, as Ruff does
 * not; `contextlib.suppress(…)` has no handler to report. A library has no reporter: its handlers
 * are listed, not fixed.
 */
import type { Finding, FixResult, TextEdit } from '../../types.js';
import type { PythonContext, PythonRuleMeta } from '../types.js';
import { pythonFinding, withoutSuppressedPython } from './findings.js';
import { kitNameAt } from './kit.js';
import { catchesBroadly, cleanupOfTry, hasExplanation, namedAsIgnored, onlyStatement, probeOfTry } from './handlers.js';
import { enclosingFunction, exceptParts, identifiersIn, type ExceptParts } from './nodes.js';
import type { PythonNode } from './parser.js';
import { indentationAt, indentUnit, lineEnding, operationName, preferredQuote, quoted } from './style.js';

type Silencer = 'pass_statement' | 'continue_statement';

const LIBRARY_REASON = "a library reports failures to its callers, not through a logger of its own; re-raise or handle the exception by hand";

/** Words a comment uses to say that what it precedes may fail, and that it does not matter. */
const EXPECTED_FAILURE = /\b(can|may|might|could|will)\s+(fail|raise|not exist|not be|be missing)|\bnot critical\b|\bbest[- ]effort\b|\bignore[sd]?\b|\boptional\b|\bif (it )?(exists|present)\b|\bdoesn'?t matter\b|\bnot (all|always)\b|\bnot (available|usable|supported|installed)\b/i;

interface Site {
  clause: PythonNode;
  parts: ExceptParts;
  silent: PythonNode;
  /** Why the handler is deliberate, when something says it is. */
  intent?: string;
}

/** Comments of the try block, those before its first statement included (tree-sitter hangs them on the try itself). */
function tryBlockComments(clause: PythonNode): PythonNode[] {
  const statement = clause.parent;
  if (statement?.type !== 'try_statement') return [];
  const firstHandler = statement.children.find((child) => child?.type === 'except_clause' || child?.type === 'finally_clause');
  const end = firstHandler?.startIndex ?? statement.endIndex;
  return statement.descendantsOfType('comment').filter((comment): comment is PythonNode => comment !== null && comment.startIndex < end);
}

function intentOf(parts: ExceptParts): string | undefined {
  if (namedAsIgnored(parts)) return `the name \`${parts.name?.text}\` marks the exception as deliberately unused`;
  if (hasExplanation(parts)) return 'a comment explains the handler';
  if (tryBlockComments(parts.clause).some((comment) => EXPECTED_FAILURE.test(comment.text))) {
    return 'a comment in the try block says its failure is expected';
  }
  const probe = probeOfTry(parts.clause);
  if (probe !== undefined) return `the try block probes with \`${probe}\`, whose failure is an expected answer`;
  if (enclosingFunction(parts.clause)?.childForFieldName('name')?.text === '__del__') {
    return 'a finalizer cannot raise: Python prints and drops what escapes `__del__`, and logging may be gone at interpreter exit';
  }
  const cleanup = cleanupOfTry(parts.clause);
  if (cleanup !== undefined) return `the try block cleans up with \`${cleanup}\`, and a cleanup that fails (already gone, still in use) leaves nothing to do`;
  return undefined;
}

/** A `# noqa` in the handler (bare, or naming one of the rule's codes): the author silenced the linter here. */
function noqaInHandler(parts: ExceptParts, codes: readonly string[]): boolean {
  return parts.clause.descendantsOfType('comment').some((comment) => {
    const match = comment === null ? null : /#\s*noqa(?::\s*([A-Z0-9, ]+))?/i.exec(comment.text);
    return match !== null && (match[1] === undefined || codes.some((code) => (match[1] as string).toUpperCase().includes(code)));
  });
}

function sitesOf(ctx: PythonContext, statement: Silencer, codes: readonly string[]): Site[] {
  const sites: Site[] = [];
  for (const clause of ctx.root.descendantsOfType('except_clause')) {
    if (clause === null) continue;
    const parts = exceptParts(clause);
    const silent = onlyStatement(parts, statement);
    if (silent === undefined) continue;
    if (parts.types !== undefined && !catchesBroadly(parts)) continue;
    if (noqaInHandler(parts, codes)) continue;
    const intent = intentOf(parts);
    sites.push(intent === undefined ? { clause, parts, silent } : { clause, parts, silent, intent });
  }
  return sites;
}

/** Where the finding is: the `except` keyword, where Ruff reports it, so a `# noqa` written for Ruff is on the same line. */
function anchor(clause: PythonNode): PythonNode {
  return clause.child(0) ?? clause;
}

export function detectSwallowing(ctx: PythonContext, meta: PythonRuleMeta, statement: Silencer, messageId: string): Finding[] {
  const library = ctx.kit?.profile === 'library';
  const findings = sitesOf(ctx, statement, meta.equivalents).map((site) => {
    if (site.intent !== undefined) return pythonFinding(meta, 'deliberate', anchor(site.clause), ctx, { fixable: false, reason: site.intent, severity: 'info' });
    if (library) return pythonFinding(meta, messageId, anchor(site.clause), ctx, { fixable: false, reason: LIBRARY_REASON });
    if (site.parts.types !== undefined && site.parts.name === undefined && site.parts.unparenthesizedList) {
      return pythonFinding(meta, messageId, anchor(site.clause), ctx, { fixable: false, reason: 'the exception list has no parentheses, so it cannot take a name as written' });
    }
    if (ctx.kit !== undefined && kitNameAt(ctx.kit, ctx.filePath, ctx.root, 'report_error', enclosingFunction(site.clause) ?? ctx.root) === undefined) {
      return pythonFinding(meta, messageId, anchor(site.clause), ctx, { fixable: false, reason: "`report_error` names something else here; report the exception by hand" });
    }
    return pythonFinding(meta, messageId, anchor(site.clause), ctx, { fixable: true });
  });
  return withoutSuppressedPython(findings, meta, ctx);
}

/** A name for the caught exception that nothing in the function spells, so binding it shadows and deletes nothing. */
export function freshExceptionName(clause: PythonNode, ctx: PythonContext, avoid: readonly string[] = []): string {
  const scope = enclosingFunction(clause) ?? ctx.root;
  const taken = identifiersIn(scope);
  for (const name of avoid) taken.add(name);
  for (const candidate of ['err', 'error', 'exc']) if (!taken.has(candidate)) return candidate;
  for (let index = 2; ; index++) if (!taken.has(`err${index}`)) return `err${index}`;
}

/** Edits naming the caught exception `name` where the clause has no name: `except E as name:`, and `except BaseException as name:` for a bare `except:`. */
export function bindExceptionEdits(parts: ExceptParts, name: string): TextEdit[] {
  if (parts.types !== undefined) return [{ start: parts.types.endIndex, end: parts.types.endIndex, text: ` as ${name}` }];
  const keyword = parts.clause.child(0) as PythonNode;
  // A bare except catches everything, KeyboardInterrupt and SystemExit included: BaseException keeps that.
  return [{ start: keyword.endIndex, end: keyword.endIndex, text: ` BaseException as ${name}` }];
}

export function fixSwallowing(ctx: PythonContext, meta: PythonRuleMeta, findings: Finding[], statement: Silencer): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable).map((finding) => finding.start));
  const edits: TextEdit[] = [];
  if (ctx.useKit === undefined) return { edits };
  const quote = preferredQuote(ctx.root);
  const eol = lineEnding(ctx.source);
  for (const site of sitesOf(ctx, statement, meta.equivalents)) {
    if (site.intent !== undefined || !wanted.has(anchor(site.clause).startIndex)) continue;
    const scope = enclosingFunction(site.clause) ?? ctx.root;
    const reportError = ctx.useKit('report_error', scope);
    if (reportError === undefined) continue;
    const name = site.parts.name?.text ?? freshExceptionName(site.clause, ctx, [reportError]);
    const report = `${reportError}(${name}, operation=${quoted(operationName(site.clause, ctx.filePath), quote)})`;
    const clauseEdits = site.parts.name === undefined ? bindExceptionEdits(site.parts, name) : [];
    const body = site.parts.body;
    if (body.startPosition.row === site.clause.startPosition.row) {
      // `except Exception: continue` on one line becomes a block, indented one step below the except.
      const colon = site.clause.children.find((child) => child?.type === ':');
      if (colon === undefined || colon === null) continue;
      const inner = indentationAt(ctx.source, site.clause.startIndex) + indentUnit(ctx.source);
      const lines = statement === 'pass_statement' ? [report] : [report, site.silent.text];
      edits.push(...clauseEdits, { start: colon.endIndex, end: site.silent.endIndex, text: lines.map((line) => `${eol}${inner}${line}`).join('') });
    } else if (statement === 'pass_statement') {
      edits.push(...clauseEdits, { start: site.silent.startIndex, end: site.silent.endIndex, text: report });
    } else {
      const indentation = indentationAt(ctx.source, site.silent.startIndex);
      edits.push(...clauseEdits, { start: site.silent.startIndex, end: site.silent.startIndex, text: `${report}${eol}${indentation}` });
    }
  }
  return { edits };
}
