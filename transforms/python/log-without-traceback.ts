/**
 * `logger.error(…)` inside an `except` logs the message and drops the traceback: the log says that
 * something failed, not where or why. `logger.exception(…)` logs the same message at the same level
 * with the traceback of the exception being handled.
 */
import type { Finding, FixResult, TextEdit } from '../types.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { dottedName, enclosingExcept, lastSegment } from './lib/nodes.js';
import type { PythonNode } from './lib/parser.js';
import type { PythonContext, PythonRuleMeta } from './types.js';

export const meta: PythonRuleMeta = {
  id: 'log-without-traceback',
  title: 'Error logged in except without its traceback',
  description: 'logs with logger.exception(...) instead of logger.error(...) inside except, keeping the message and adding the traceback',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    logWithoutTraceback: '`{call}` inside an except logs the message without the traceback; `.exception(...)` logs both at the same level.',
  },
  docs: 'docs/rules/python/log-without-traceback.md',
  equivalents: ['TRY400'],
};

export function mightMatch(source: string): boolean {
  return source.includes('except') && source.includes('.error(');
}

/** `logging`, or a name that says it is a logger: `logger`, `log`, `LOGGER`, `self._log`, `audit_logger`. */
function isLogger(object: PythonNode): boolean {
  const name = dottedName(object);
  if (name === undefined) return false;
  const last = lastSegment(name).replace(/^_+/, '').toLowerCase();
  return last === 'logging' || last === 'log' || last === 'logger' || last.endsWith('_log') || last.endsWith('logger');
}

function sitesOf(ctx: PythonContext): Array<{ call: PythonNode; method: PythonNode }> {
  const sites: Array<{ call: PythonNode; method: PythonNode }> = [];
  for (const call of ctx.root.descendantsOfType('call')) {
    if (call === null) continue;
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'attribute') continue;
    const method = callee.childForFieldName('attribute');
    const object = callee.childForFieldName('object');
    if (method?.text !== 'error' || object === null || !isLogger(object)) continue;
    const args = call.childForFieldName('arguments');
    // `exc_info=` says what to log already; `**kwargs` may.
    if (args?.namedChildren.some((arg) => (arg?.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'exc_info') || arg?.type === 'dictionary_splat')) continue;
    if (enclosingExcept(call) === undefined) continue;
    sites.push({ call, method });
  }
  return sites;
}

export function detect(ctx: PythonContext): Finding[] {
  const findings = sitesOf(ctx).map(({ call }) => {
    const finding = pythonFinding(meta, 'logWithoutTraceback', call, ctx, { fixable: true });
    finding.message = finding.message.replace('{call}', `${(call.childForFieldName('function') as PythonNode).text}(…)`);
    return finding;
  });
  return withoutSuppressedPython(findings, meta, ctx);
}

export function fix(ctx: PythonContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable).map((finding) => finding.start));
  const edits: TextEdit[] = [];
  for (const { call, method } of sitesOf(ctx)) {
    if (wanted.has(call.startIndex)) edits.push({ start: method.startIndex, end: method.endIndex, text: 'exception' });
  }
  return { edits };
}
