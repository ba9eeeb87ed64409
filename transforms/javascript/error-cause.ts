/**
 * error-cause: `catch (e) { throw new Error('x') }` throws a new error that forgets the one it
 * replaces, so the original stack and message are lost to whoever handles it. The fix passes the
 * caught error as the standard `cause`: `throw new Error('x', { cause: e })`. A `.catch((e) => …)`
 * handler that throws is the same catch written for a promise, and gets the same fix.
 */
import type { ArrowFunctionExpression, CallExpression, CatchClause, FunctionExpression, Identifier, NewExpression, Node } from '@babel/types';
import { bindCatchParameter, enclosingCatchBody, isRejectionHandler, prependToBlock } from './lib/catch-helpers.js';
import { supportsNativeErrorCause } from './lib/error-cause-support.js';
import { mentions } from './lib/error-expressions.js';
import { findingAt, withoutSuppressed } from './lib/findings.js';
import { callsHttpClient, nodeHttpBindingsOf, type NodeHttpBindings } from './lib/http-client.js';
import { kitBindingsOf } from './lib/kit-imports.js';
import { endOf, startOf } from './lib/range.js';
import { indentationAt, indentUnitOf, isFirstOnLine, lineEndAt, lineEndingOf, lineStartAt, lineWidthOf } from './lib/source-style.js';
import { toJscodeshift } from './lib/standalone.js';
import { detectAlone, walkWithVisitors } from './lib/shared-walk.js';
import { isFunctionNode, walk } from './lib/walk.js';
import type { Finding, FixResult, NodeVisitors, SharedDetection, TextEdit, TransformContext, TransformMeta } from '../types.js';
import { mayHaveCatchClause, sourceHas } from './lib/source-words.js';

export const meta: TransformMeta = {
  id: 'error-cause',
  title: 'Keep the caught error as the cause',
  description: 'Passes the caught error as `{ cause }` to errors thrown from catch blocks.',
  // The thrown class stays: where TypeScript's lib predates ES2022, `new Error` becomes the kit's
  // `AppError`, a subclass of Error, and never in a library, whose classes are its contract.
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    missingCause: 'The error thrown here drops the caught error; pass it as `{ cause }`.',
  },
  docs: 'docs/transforms/error-cause.md',
};

/** Built-in classes whose constructor is `(message?, options?)`. */
const BUILT_IN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError']);

/** `.catch(` or `.then(`, with only space around the dot and before the parenthesis. */
const HANDLER_CALL = /\.\s*(?:catch|then)\s*\(/;

export function mightMatch(source: string): boolean {
  return sourceHas(source, 'throw') && (mayHaveCatchClause(source) || ((sourceHas(source, 'catch') || sourceHas(source, 'then')) && HANDLER_CALL.test(source)));
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  return detectAlone(detectShared(ctx), ctx.ast);
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  const { visitors, sites } = siteCollector(ctx);
  const findings = (): Finding[] => {
    const all: Finding[] = [];
    for (const site of sites) {
      if (site.plan.kind === 'unsafe') all.push(findingAt(meta, 'missingCause', site.node, { fixable: false, reason: site.plan.reason }));
      else all.push(findingAt(meta, 'missingCause', site.node, { fixable: true }));
    }
    return withoutSuppressed(all, ctx.ast, meta.id);
  };
  return { visitors, findings };
}

export function fix(ctx: TransformContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable && finding.ruleId === meta.id).map((finding) => finding.start));
  const byClause = new Map<CatchClause | RejectionHandler, Array<Site & { plan: FixPlan }>>();
  for (const site of sitesIn(ctx)) {
    if (site.plan.kind !== 'fix' || !wanted.has(startOf(site.node))) continue;
    const sites = byClause.get(site.clause) ?? [];
    sites.push(site as Site & { plan: FixPlan });
    byClause.set(site.clause, sites);
  }
  const edits: TextEdit[] = [];
  for (const [clause, sites] of byClause) {
    const appError = sites.some((site) => site.plan.useAppError) ? ctx.useKitExport('AppError') : undefined;
    if (clause.type !== 'CatchClause') {
      // A `.catch` handler's error is its named first parameter (handlers without one are not sites).
      const name = (clause.params[0] as Identifier).name;
      for (const site of sites) edits.push(...siteEdits(site.node, site.plan, name === 'cause' ? 'cause' : `cause: ${name}`, appError, ctx.source));
      continue;
    }
    const binding = bindCatchParameter(clause, ctx.source, appError === undefined ? [] : [appError]);
    edits.push(...binding.paramEdits);
    if (binding.destructuring !== undefined) edits.push(prependToBlock(clause.body, ctx.source, binding.destructuring));
    const cause = binding.name === 'cause' ? 'cause' : `cause: ${binding.name}`;
    for (const site of sites) edits.push(...siteEdits(site.node, site.plan, cause, appError, ctx.source));
  }
  return { edits };
}

interface FixPlan {
  kind: 'fix';
  /** Replace the built-in `Error` with the kit's `AppError`, whose options take a cause on every lib. */
  useAppError: boolean;
}

/** A function given to `.catch(…)` (or as `.then`'s second argument) that names the error it gets. */
type RejectionHandler = (FunctionExpression | ArrowFunctionExpression) & { params: [Identifier, ...Node[]] };

interface Site {
  node: NewExpression | CallExpression;
  clause: CatchClause | RejectionHandler;
  plan: FixPlan | { kind: 'unsafe'; reason: string };
}

function siteEdits(node: NewExpression | CallExpression, plan: FixPlan, cause: string, appError: string | undefined, source: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const callee = node.callee;
  if (plan.useAppError && appError !== undefined) {
    const isCall = node.type === 'CallExpression';
    edits.push({ start: startOf(callee), end: endOf(callee), text: isCall ? `new ${appError}` : appError });
  }
  const [first, second] = node.arguments;
  if (first === undefined) {
    // `new Error()` gets the options inside its parentheses; `new Error` gets parentheses.
    const hasParens = endOf(node) > endOf(node.typeParameters ?? callee);
    const at = hasParens ? endOf(node) - 1 : endOf(node);
    const text = `undefined, { ${cause} }`;
    edits.push({ start: at, end: at, text: hasParens ? text : `(${text})` });
  } else if (second === undefined) {
    // Arguments laid out one per line (as prettier does past the print width) get the options on a line of their own.
    const separator = isFirstOnLine(source, startOf(first)) ? `,${lineEndingOf(source)}${indentationAt(source, startOf(first))}` : ', ';
    const inline = `${separator}{ ${cause} }`;
    const lineEnd = lineEndAt(source, endOf(first));
    const tooWide = separator === ', ' && lineEnd - lineStartAt(source, endOf(first)) + inline.length > lineWidthOf(source);
    // Past the file's width the options open on the line and close on their own, as formatters hug a last object argument.
    const hugged = (): string => {
      const eol = lineEndingOf(source);
      const indent = indentationAt(source, startOf(node));
      return `, {${eol}${indent}${indentUnitOf(source)}${cause}${trailingCommaIn(source) ? ',' : ''}${eol}${indent}}`;
    };
    edits.push({ start: endOf(first), end: endOf(first), text: tooWide ? hugged() : inline });
  } else if (second.type === 'ObjectExpression') {
    const last = second.properties[second.properties.length - 1];
    if (last === undefined) edits.push({ start: startOf(second), end: endOf(second), text: `{ ${cause} }` });
    else edits.push({ start: endOf(last), end: endOf(last), text: `, ${cause}` });
  }
  return edits;
}

/** Errors constructed in `throw` statements that run in a catch body and do not carry a cause. */
function siteCollector(ctx: Omit<TransformContext, 'useKitExport'>): { visitors: NodeVisitors; sites: Site[] } {
  const kitBindings = kitBindingsOf(ctx.ast, ctx.filePath, ctx.kit, ctx.moduleStyle);
  const kitClasses = new Set(kitBindings.locals.values());
  let nativeCause: boolean | undefined;
  let nodeHttp: NodeHttpBindings | undefined;
  const sites: Site[] = [];
  const visitors: NodeVisitors = {
    ThrowStatement(node, ancestors) {
      const thrown = node.argument;
      if (thrown.type !== 'NewExpression' && thrown.type !== 'CallExpression') return;
      const clause = enclosingCatchBody(ancestors, node, false) ?? enclosingRejectionHandler(ancestors);
      if (clause === undefined) return;
      const kind = classify(thrown.callee, kitClasses, kitBindings.namespace);
      // `throw Error('x')` works for built-ins only; any other call is a factory with its own rules.
      if (thrown.type === 'CallExpression' && kind !== 'built-in') return;
      nativeCause ??= supportsNativeErrorCause(ctx.filePath);
      // What failed: the try block, or the promise chain the handler is attached to.
      const parent = ancestors[ancestors.indexOf(clause) - 1];
      const failed = parent?.type === 'TryStatement' ? parent.block : clause.type === 'CatchClause' ? undefined : chainOf(parent);
      const plan =
        failed !== undefined && callsHttpClient(failed, (nodeHttp ??= nodeHttpBindingsOf(ctx.ast)))
          ? ({ kind: 'unsafe', reason: REQUEST_REASON } as const)
          : planFor(thrown, clause, kind, nativeCause, ctx.source, ctx.kit.profile === 'library');
      if (plan !== undefined) sites.push({ node: thrown, clause, plan });
    },
  };
  return { visitors, sites };
}

/** The handler a throw runs in when it is the function given to `.catch(fn)` or `.then(onFulfilled, fn)`, not inside a nested function. */
function enclosingRejectionHandler(ancestors: readonly Node[]): RejectionHandler | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const fn = ancestors[i] as Node;
    if (!isFunctionNode(fn)) continue;
    if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') return undefined;
    return isRejectionHandler(fn, ancestors[i - 1], true) && fn.params[0]?.type === 'Identifier' ? (fn as RejectionHandler) : undefined;
  }
  return undefined;
}

/** The promise chain a handler is attached to: `fetch(url).then(read)` in `fetch(url).then(read).catch(fn)`. */
function chainOf(call: Node | undefined): Node | undefined {
  if (call?.type !== 'CallExpression' && call?.type !== 'OptionalCallExpression') return undefined;
  const callee = call.callee;
  return callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression' ? callee.object : undefined;
}

function sitesIn(ctx: Omit<TransformContext, 'useKitExport'>): Site[] {
  const { visitors, sites } = siteCollector(ctx);
  walkWithVisitors(ctx.ast, [visitors]);
  return sites;
}

type ClassKind = 'built-in' | 'kit' | 'unknown';

function classify(callee: Node, kitClasses: Set<string>, namespace: string | undefined): ClassKind {
  if (callee.type === 'Identifier') {
    if (BUILT_IN_ERRORS.has(callee.name)) return 'built-in';
    return kitClasses.has(callee.name) ? 'kit' : 'unknown';
  }
  if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.object.name === namespace) {
    return 'kit';
  }
  return 'unknown';
}

function planFor(
  thrown: NewExpression | CallExpression,
  clause: CatchClause | RejectionHandler,
  kind: ClassKind,
  nativeCause: boolean,
  source: string,
  library: boolean,
): Site['plan'] | undefined {
  const args = thrown.arguments;
  const [, second] = args;
  if (second?.type === 'ObjectExpression' && second.properties.some(isCauseProperty)) return undefined;
  const className = source.slice(startOf(thrown.callee), endOf(thrown.callee));

  if (kind === 'unknown') {
    // A constructor we do not know may take the error its own way (`new DbError(e)`); only report it when it clearly does not.
    const caught = clause.type === 'CatchClause' ? clause.param : clause.params[0];
    if (caught != null && args.some((arg) => mentionsCaught(arg, caught))) return undefined;
    if (className === 'AggregateError') {
      return { kind: 'unsafe', reason: '`AggregateError` takes its options third, after the errors and the message; add `{ cause }` there by hand' };
    }
    return { kind: 'unsafe', reason: `\`${className}\` is not a built-in or kit error class, so its constructor may not take \`{ cause }\`` };
  }
  if (args.some((arg) => arg.type === 'SpreadElement')) return { kind: 'unsafe', reason: 'the arguments are spread, so where the options go is unknown' };
  if (args.length > 2) return { kind: 'unsafe', reason: `\`${className}\` is given more than a message and options` };
  if (second !== undefined) {
    if (second.type !== 'ObjectExpression') return { kind: 'unsafe', reason: 'the options are not an object literal, so a cause cannot be added to them safely' };
    if (second.properties.some((property) => property.type === 'SpreadElement')) {
      return { kind: 'unsafe', reason: 'the options spread another object, which may already carry a cause' };
    }
  }
  if (kind === 'built-in' && !nativeCause) {
    if (className === 'Error' && library) {
      return { kind: 'unsafe', reason: 'this file\'s TypeScript lib predates ES2022, and a library\'s thrown classes are its contract; add "es2022" to compilerOptions.lib' };
    }
    if (className === 'Error') return { kind: 'fix', useAppError: true };
    return {
      kind: 'unsafe',
      reason: `this file's TypeScript lib predates ES2022, where \`${className}\` takes no options; add "es2022" to compilerOptions.lib or throw an AppError`,
    };
  }
  return { kind: 'fix', useAppError: false };
}

/**
 * Whether the file ends multi-line lists with a comma (prettier's default), read from its arrays and
 * argument lists: a `}` on its own line may close a block, which never takes one. A file with no
 * such list gets none: `standard` forbids the comma, and a formatter that wants it adds it.
 */
function trailingCommaIn(source: string): boolean {
  const withComma = source.match(/,[ \t]*\r?\n[ \t]*[\])]/g)?.length ?? 0;
  const without = source.match(/[^,[(\s][ \t]*\r?\n[ \t]*[\])]/g)?.length ?? 0;
  return withComma > without;
}

function isCauseProperty(property: Node): boolean {
  if (property.type !== 'ObjectProperty' && property.type !== 'ObjectMethod') return false;
  if (property.computed) return property.key.type === 'StringLiteral' && property.key.value === 'cause';
  return (property.key.type === 'Identifier' && property.key.name === 'cause') || (property.key.type === 'StringLiteral' && property.key.value === 'cause');
}

function mentionsCaught(node: Node, param: Node): boolean {
  if (param.type === 'Identifier') return mentions(node, param.name);
  const bound = new Set<string>();
  walk(param, (inner) => {
    if (inner.type === 'Identifier') bound.add(inner.name);
  });
  return [...bound].some((name) => mentions(node, name));
}

export default toJscodeshift({ meta, mightMatch, detect, fix, detectShared });

const REQUEST_REASON =
  "the caught error comes from an HTTP request and can carry it (URL, headers, credentials), and a log that prints the new error would print them as its cause; keep what is safe by hand";
