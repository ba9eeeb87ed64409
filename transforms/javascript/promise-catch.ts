/**
 * promise-catch: `.catch(() => {})`, `.catch(() => null)` and `.catch(console.error)` make a failed
 * promise look like a value, and nobody hears of the failure. The fix reports the error through the
 * kit and keeps what the handler returned, so the code after it behaves as before:
 * `.catch((error) => { reportError(error, { operation: 'loadUser' }); return null; })`.
 */
import type { ArrowFunctionExpression, CallExpression, File, FunctionExpression, Node, OptionalCallExpression } from '@babel/types';
import { leavesAfter, operationName } from './lib/catch-helpers.js';
import { isConsoleMethod } from './lib/console-calls.js';
import { isDerivedFromError } from './lib/error-expressions.js';
import { findingAt, withoutSuppressed } from './lib/findings.js';
import { ownLoggerReason } from './lib/own-logger.js';
import { shorten } from './lib/message-mapping.js';
import { namesIn, pickFreeName } from './lib/names.js';
import { endOf, startOf } from './lib/range.js';
import { preferredQuoteOf, quoteString, usesSemicolons } from './lib/source-style.js';
import { toJscodeshift } from './lib/standalone.js';
import { CLEANUP_OUTCOME, probeOfPromiseCatch, probeScopeOf, type ProbeScope } from './lib/probe.js';
import { detectAlone, walkWithVisitors } from './lib/shared-walk.js';
import { isFunctionNode, walk } from './lib/walk.js';
import type { Finding, FixResult, NodeVisitors, SharedDetection, TextEdit, TransformContext, TransformMeta } from '../types.js';
import { sourceHas } from './lib/source-words.js';

export const meta: TransformMeta = {
  id: 'promise-catch',
  title: 'Report errors that promise catch handlers swallow',
  description: "Turns `.catch(() => null)` and `.catch(console.error)` into handlers that report the error through the kit's reportError and return the same value.",
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    swallowed: 'This catch handler swallows the rejection; report it, or say in a comment why it is ignored.',
    printedOnly: 'This catch handler only prints the rejection with console; report it through the kit.',
    deliberate: 'This catch handler turns an expected failure into a value.',
  },
  docs: 'docs/transforms/promise-catch.md',
};

/** Names tried, in order, for the error parameter a handler without one gets. */
const ERROR_NAMES = ['error', 'err', 'caughtError'];

export function mightMatch(source: string): boolean {
  return sourceHas(source, 'catch') && /\.catch\s*\(/.test(source);
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  return detectAlone(detectShared(ctx), ctx.ast);
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  const { visitors, sites } = handlerCollector(ctx.ast, ctx.source);
  const library = ctx.kit.profile === 'library';
  const findings = (): Finding[] => {
    const ownLogger = sites.length === 0 || library ? undefined : ownLoggerReason(ctx.ast, ctx.source, ctx.kit);
    const all = sites.map((site) => {
      if (site.plan.kind === 'deliberate') return findingAt(meta, 'deliberate', site.handler, { fixable: false, reason: site.plan.reason, severity: 'info' });
      if (library && site.plan.kind === 'fix') return findingAt(meta, site.plan.printed ? 'printedOnly' : 'swallowed', site.handler, { fixable: false, reason: LIBRARY_REASON });
      if (ownLogger !== undefined && site.plan.kind === 'fix') {
        return findingAt(meta, site.plan.printed ? 'printedOnly' : 'swallowed', site.handler, { fixable: false, reason: ownLogger });
      }
      const messageId = site.plan.kind === 'unsafe' || site.plan.printed ? 'printedOnly' : 'swallowed';
      if (site.plan.kind === 'unsafe') return findingAt(meta, messageId, site.handler, { fixable: false, reason: site.plan.reason });
      return findingAt(meta, messageId, site.handler, { fixable: true });
    });
    return withoutSuppressed(all, ctx.ast, meta.id);
  };
  return { visitors, findings };
}

export function fix(ctx: TransformContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable && finding.ruleId === meta.id).map((finding) => finding.start));
  if (wanted.size === 0) return { edits: [] };
  const quote = preferredQuoteOf(ctx.source);
  const semicolon = usesSemicolons(ctx.ast, ctx.source) ? ';' : '';
  const edits: TextEdit[] = [];
  for (const site of handlersIn(ctx.ast, ctx.source)) {
    if (site.plan.kind !== 'fix' || !wanted.has(startOf(site.handler))) continue;
    const reportError = ctx.useKitExport('reportError');
    const operation = operationName(site.ancestors, ctx.filePath);
    const plan = site.plan;
    const errorName = plan.errorName ?? pickFreeName(ERROR_NAMES, new Set([...namesIn(site.handler), reportError]));
    const statements = [`${reportError}(${errorName}, { operation: ${quoteString(operation, quote)} });`];
    if (plan.returned !== undefined) statements.push(`return ${plan.returned};`);
    // Statements on one line need their separators; only the last one follows the file's style.
    const body = `{ ${statements.join(' ').replace(/;$/, semicolon)} }`;
    edits.push(...handlerEdits(site.handler, plan, errorName, body, ctx.source));
  }
  return { edits };
}

type Handler = ArrowFunctionExpression | FunctionExpression;

type Plan =
  | {
      kind: 'fix';
      /** Whether the handler printed the error (rather than ignoring it). */
      printed: boolean;
      /** The handler's own error parameter, when it has one. */
      errorName?: string;
      /** What the handler returned, as code, when that was a value other than nothing. */
      returned?: string;
      /** A console method passed by reference: the whole argument is replaced by a new handler. */
      reference?: true;
    }
  | { kind: 'unsafe'; reason: string }
  /** The handler answers an expected failure (a probe's, or a yes/no test's), or is named to be ignored. */
  | { kind: 'deliberate'; reason: string };

const LIBRARY_REASON = "a library's rejections belong to its callers, not to a logger of its own; handle the rejection by hand";
/** A handler parameter named to be ignored: `_`, `_err`, `ignored`. */
const IGNORED_NAME = /^(_\w*|ignored?(?:[A-Z_]\w*)?|unused\w*|expected\w*)$/;

interface Site {
  call: CallExpression | OptionalCallExpression;
  /** The argument of `.catch(…)`: the handler function, or the console method passed as one. */
  handler: Node;
  plan: Plan;
  ancestors: Node[];
}

function handlerCollector(ast: File, source: string): { visitors: NodeVisitors; sites: Site[] } {
  const sites: Site[] = [];
  const visit = (node: CallExpression | OptionalCallExpression, ancestors: readonly Node[]): void => {
    const callee = node.callee;
    if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return;
    if (callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'catch') return;
    const [handler, extra] = node.arguments;
    if (handler === undefined || extra !== undefined) return;
    let plan = planFor(handler, { start: startOf(handler), end: endOf(node) }, ast, source);
    if (plan?.kind === 'fix' && !plan.printed) plan = deliberatePlan(node, plan, ast) ?? absenceHandled(plan, node, ancestors) ?? plan;
    if (plan !== undefined) sites.push({ call: node, handler, plan, ancestors: [...ancestors] });
  };
  let scope: ProbeScope | undefined;
  const deliberatePlan = (node: CallExpression | OptionalCallExpression, plan: Extract<Plan, { kind: 'fix' }>, tree: File): Plan | undefined => {
    if (plan.errorName !== undefined && IGNORED_NAME.test(plan.errorName)) {
      return { kind: 'deliberate', reason: `the parameter \`${plan.errorName}\` is named to be ignored, so the handler is deliberate` };
    }
    scope ??= probeScopeOf(tree);
    const probe = probeOfPromiseCatch(node, scope);
    if (probe === undefined) return undefined;
    if (probe.kind === 'predicate') return { kind: 'deliberate', reason: 'the chain is a yes/no test: a rejection is its "no"' };
    if (probe.kind === 'cleanup') return { kind: 'deliberate', reason: `the chain cleans up with \`${probe.operation}\`, and ${CLEANUP_OUTCOME}` };
    return { kind: 'deliberate', reason: `the chain starts with \`${probe.operation}\`, whose failure is an expected answer` };
  };
  return { visitors: { CallExpression: visit, OptionalCallExpression: visit }, sites };
}

/**
 * A chain that falls back to `undefined` or `null` in so many words, into a variable whose every
 * use asks whether it is there (`head?.headers`, `if (!head)`, `head ?? fallback`): the code was
 * written for the failure, as for any other answer. Reporting it would log an answer as an error.
 */
function absenceHandled(plan: Extract<Plan, { kind: 'fix' }>, call: Node, ancestors: readonly Node[]): Plan | undefined {
  if (plan.returned !== 'undefined' && plan.returned !== 'null') return undefined;
  let at = ancestors.length - 1;
  let value: Node = call;
  while (at >= 0 && (ancestors[at]?.type === 'AwaitExpression' || ancestors[at]?.type === 'TSAsExpression' || ancestors[at]?.type === 'TSNonNullExpression')) value = ancestors[at--] as Node;
  const declarator = ancestors[at];
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== value || declarator.id.type !== 'Identifier') return undefined;
  const name = declarator.id.name;
  const scope = [...ancestors.slice(0, at)].reverse().find((node) => isFunctionNode(node) || node.type === 'Program');
  if (scope === undefined) return undefined;
  let uses = 0;
  let unchecked = false;
  walk(scope, (node, path) => {
    if (unchecked) return false;
    if (node.type !== 'Identifier' || node.name !== name || node === declarator.id) return undefined;
    const parent = path[path.length - 1];
    if (parent === undefined || isPropertyName(node, parent)) return undefined;
    uses++;
    if (!checksPresence(node, parent) && !guardedByPresence(name, node, path)) unchecked = true;
    return undefined;
  });
  if (uses === 0 || unchecked) return undefined;
  return { kind: 'deliberate', reason: `the chain falls back to \`${plan.returned}\`, and every use of \`${name}\` checks for it` };
}

function isPropertyName(node: Node, parent: Node): boolean {
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return true;
  return (parent.type === 'ObjectProperty' || parent.type === 'ObjectMethod') && parent.key === node && !parent.computed && !(parent.type === 'ObjectProperty' && parent.shorthand);
}

/**
 * A use that runs only when the value is there: in the branch a presence test picks (`if (head)`,
 * `head ? head.etag : …`, `head && head.etag`), or after `if (!head) return …;`.
 */
function guardedByPresence(name: string, use: Node, path: readonly Node[]): boolean {
  for (let i = 0; i < path.length; i++) {
    const node = path[i] as Node;
    const child = path[i + 1] ?? use;
    if (node.type === 'IfStatement' || node.type === 'ConditionalExpression') {
      const present = presenceTest(node.test, name);
      if (present !== undefined && child === (present ? node.consequent : node.alternate)) return true;
    } else if (node.type === 'LogicalExpression' && node.operator === '&&' && child === node.right && presenceTest(node.left, name) === true) {
      return true;
    } else if (node.type === 'BlockStatement' || node.type === 'Program') {
      for (const statement of node.body as Node[]) {
        if (statement === child) break;
        if (statement.type === 'IfStatement' && presenceTest(statement.test, name) === false && leavesAfter(statement.consequent, true)) return true;
      }
    }
  }
  return false;
}

/** true for a test that holds when the value is there (`head`, `head != null`), false for one that holds when it is not (`!head`, `head === null`). */
function presenceTest(test: Node, name: string): boolean | undefined {
  if (test.type === 'Identifier') return test.name === name ? true : undefined;
  if (test.type === 'UnaryExpression' && test.operator === '!') {
    const inner = presenceTest(test.argument, name);
    return inner === undefined ? undefined : !inner;
  }
  if (test.type === 'BinaryExpression' && ['==', '===', '!=', '!=='].includes(test.operator)) {
    const [value, other] = test.left.type === 'Identifier' && test.left.name === name ? [test.left, test.right] : [test.right, test.left];
    if (value.type !== 'Identifier' || value.name !== name) return undefined;
    if (other.type !== 'NullLiteral' && !(other.type === 'Identifier' && other.name === 'undefined')) return undefined;
    return test.operator.startsWith('!');
  }
  return undefined;
}

/** A use that asks whether the value is there before relying on it. */
function checksPresence(node: Node, parent: Node): boolean {
  switch (parent.type) {
    case 'OptionalMemberExpression':
      return parent.object === node && parent.optional;
    case 'OptionalCallExpression':
      return parent.callee === node && parent.optional;
    case 'UnaryExpression':
      return parent.operator === '!';
    case 'IfStatement':
    case 'ConditionalExpression':
    case 'WhileStatement':
      return parent.test === node;
    case 'LogicalExpression':
      return parent.left === node;
    case 'BinaryExpression': {
      if (!['==', '===', '!=', '!=='].includes(parent.operator)) return false;
      const other = parent.left === node ? parent.right : parent.left;
      return other.type === 'NullLiteral' || (other.type === 'Identifier' && other.name === 'undefined');
    }
    default:
      return false;
  }
}

function handlersIn(ast: File, source: string): Site[] {
  const { visitors, sites } = handlerCollector(ast, source);
  walkWithVisitors(ast, [visitors]);
  return sites;
}

/** `inCall` is the handler up to the call's closing parenthesis, where a comment explaining it may also sit. */
function planFor(handler: Node, inCall: Range, ast: File, source: string): Plan | undefined {
  if (isConsoleMethod(handler)) return { kind: 'fix', printed: true, reference: true };
  if (handler.type !== 'ArrowFunctionExpression' && handler.type !== 'FunctionExpression') return undefined;
  if (handler.generator || handler.params.length > 1) return undefined;
  const [param] = handler.params;
  if (param !== undefined && param.type !== 'Identifier') return undefined;
  // A comment between the parentheses (`(/* ignored */) => {}`) leaves no clear place for a parameter.
  if (param === undefined && !/^\(\s*\)/.test(source.slice(emptyParameterListAt(handler, source)))) return undefined;
  const errorName = param?.name;
  const withName = (plan: Extract<Plan, { kind: 'fix' }>): Plan => (errorName === undefined ? plan : { ...plan, errorName });

  if (hasComment(ast, inCall)) return undefined;
  const body = handler.body;
  if (body.type === 'BlockStatement') {
    if (body.body.length === 0) return withName({ kind: 'fix', printed: false });
    if (body.body.length !== 1) return undefined;
    const [only] = body.body;
    if (only?.type === 'ReturnStatement') {
      if (only.argument == null) return withName({ kind: 'fix', printed: false });
      return fallbackPlan(only.argument, source, withName);
    }
    if (only?.type === 'ExpressionStatement') return printPlan(only.expression, errorName, source, withName);
    return undefined;
  }
  return fallbackPlan(body, source, withName) ?? printPlan(body, errorName, source, withName);
}

/** A handler that returns a constant: the value the promise falls back to. */
function fallbackPlan(value: Node, source: string, withName: (plan: Extract<Plan, { kind: 'fix' }>) => Plan): Plan | undefined {
  if (!isConstant(value)) return undefined;
  return withName({ kind: 'fix', printed: false, returned: source.slice(startOf(value), endOf(value)) });
}

/** A handler that only prints the error: `console.error(err)`, `console.log(err.message)`. */
function printPlan(
  expression: Node,
  errorName: string | undefined,
  source: string,
  withName: (plan: Extract<Plan, { kind: 'fix' }>) => Plan,
): Plan | undefined {
  if (expression.type !== 'CallExpression' || !isConsoleMethod(expression.callee)) return undefined;
  if (errorName === undefined) return undefined;
  const args = expression.arguments;
  if (args.length > 0 && args.every((arg) => arg.type !== 'SpreadElement' && isDerivedFromError(arg, errorName))) {
    return withName({ kind: 'fix', printed: true });
  }
  const code = source.slice(startOf(expression), endOf(expression));
  return {
    kind: 'unsafe',
    reason: `the handler prints text of its own with the error (\`${shorten(code)}\`); rewrite it by hand so the text is kept, e.g. \`logger.error({ ${errorName === 'err' ? 'err' : `err: ${errorName}`} }, '…')\``,
  };
}

/** Values that are the same whenever the handler runs: literals, `undefined`, and empty arrays and objects. */
function isConstant(node: Node): boolean {
  switch (node.type) {
    case 'NullLiteral':
    case 'BooleanLiteral':
    case 'NumericLiteral':
    case 'StringLiteral':
    case 'BigIntLiteral':
      return true;
    case 'Identifier':
      return node.name === 'undefined';
    case 'TemplateLiteral':
      return node.expressions.length === 0;
    case 'UnaryExpression':
      return (node.operator === '-' || node.operator === 'void') && node.argument.type === 'NumericLiteral';
    case 'ArrayExpression':
      return node.elements.length === 0;
    case 'ObjectExpression':
      return node.properties.length === 0;
    default:
      return false;
  }
}


interface Range {
  start: number;
  end: number;
}

/** A comment in or right after the handler says why the error is ignored: a decision, not a smell. */
function hasComment(ast: File, range: Range): boolean {
  return (ast.comments ?? []).some((comment) => startOf(comment) >= range.start && endOf(comment) <= range.end);
}

/** Edits giving the handler `body` and, when it had none, the error parameter. */
function handlerEdits(handler: Node, plan: Extract<Plan, { kind: 'fix' }>, errorName: string, body: string, source: string): TextEdit[] {
  if (plan.reference || (handler.type !== 'ArrowFunctionExpression' && handler.type !== 'FunctionExpression')) {
    return [{ start: startOf(handler), end: endOf(handler), text: `(${errorName}) => ${body}` }];
  }
  const edits: TextEdit[] = [{ start: startOf(handler.body), end: endOf(handler.body), text: body }];
  if (handler.params.length === 0) {
    const open = emptyParameterListAt(handler, source);
    edits.push({ start: open + 1, end: open + 1, text: errorName });
  }
  return edits;
}

/** Offset of the `(` of a handler's empty parameter list. */
function emptyParameterListAt(handler: Handler, source: string): number {
  const name = handler.type === 'FunctionExpression' ? handler.id : undefined;
  const searchFrom = endOf(handler.typeParameters ?? name ?? { end: startOf(handler) });
  return source.indexOf('(', searchFrom);
}

export default toJscodeshift({ meta, mightMatch, detect, fix, detectShared });
