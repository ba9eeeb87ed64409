/**
 * domain-errors: `throw new Error('User not found')` says what happened only in words, so every
 * handler ends up a 500. The catalog's `mappings` (message pattern to class, first match wins) say which
 * catalog class such a message means, and the fix uses it: `throw new NotFoundError('User not found')`.
 * The arguments and `instanceof Error` stay as they were; the message stays internal
 * (`{ expose: false }`, clients see the class's public message) unless the mapping says `expose`.
 * Only mappings the catalog's owner enabled apply. Assertions and programmer errors (an "unreachable"
 * message, a `default:` branch, an argument type check) are never mapped, nor is an error whose `code`
 * or `status` the code around it reads or sends: a changed code would be a changed API.
 */
import type { CallExpression, NewExpression, Node } from '@babel/types';
import { findingAt, withoutSuppressed } from './lib/findings.js';
import { kitBindingsOf } from './lib/kit-imports.js';
import { fixedTextOf, mappedClassFor } from './lib/message-mapping.js';
import { endOf, startOf } from './lib/range.js';
import { indentationAt, isFirstOnLine, lineEndingOf } from './lib/source-style.js';
import { toJscodeshift } from './lib/standalone.js';
import { detectAlone, walkWithVisitors } from './lib/shared-walk.js';
import { isFunctionNode, walk } from './lib/walk.js';
import type { Finding, FixResult, NodeVisitors, SharedDetection, TextEdit, TransformContext, TransformMeta } from '../types.js';
import { sourceHas } from './lib/source-words.js';
import { PROGRAMMER_MESSAGE } from '../shared/programmer-message.js';

export const meta: TransformMeta = {
  id: 'domain-errors',
  title: 'Throw the catalog class a message describes',
  description: "Turns `new Error('User not found')` into `new NotFoundError('User not found')` by the catalog's message mappings.",
  // The thrown class, and with it `name`, `code` and the HTTP status handlers answer with, changes.
  changesBehaviour: true,
  severity: 'warning',
  messages: {
    genericError: 'A generic error is thrown where the catalog has a class for its message.',
    unmappedError: 'A generic error is thrown; the catalog has no class for it.',
    programmerError: 'A generic error reports a programming mistake, not a domain failure.',
  },
  docs: 'docs/transforms/domain-errors.md',
};

export function mightMatch(source: string): boolean {
  // The generic classes are `Error` as a whole word (not `TypeError` or `errorCount`) and the kit's
  // `AppError`, which is named wherever it is imported. Escapes (`\u0045rror`, or `'App\x45rror'` as
  // an imported name) can spell either without those letters in a row, so a file that has escapes
  // and mentions `Error` at all is parsed to make sure.
  if (!sourceHas(source, 'Error')) return false;
  return /\bError\b|AppError/.test(source) || /\\[ux]/.test(source);
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  return detectAlone(detectShared(ctx), ctx.ast);
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  const { visitors, sites } = siteCollector(ctx);
  const findings = (): Finding[] => {
    const all: Finding[] = [];
    for (const site of sites()) {
      if (site.plan.kind === 'fix') all.push(findingAt(meta, 'genericError', site.node, { fixable: true }));
      else if (site.plan.kind === 'programmer-error') all.push(findingAt(meta, 'programmerError', site.node, { fixable: false, reason: site.plan.reason, severity: 'info' }));
      else if (site.plan.kind === 'unknown-class') all.push(findingAt(meta, 'genericError', site.node, { fixable: false, reason: site.plan.reason }));
      else all.push(findingAt(meta, 'unmappedError', site.node, { fixable: false, reason: site.plan.reason, severity: 'info' }));
    }
    return withoutSuppressed(all, ctx.ast, meta.id);
  };
  return { visitors, findings };
}

export function fix(ctx: TransformContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable && finding.ruleId === meta.id).map((finding) => finding.start));
  const edits: TextEdit[] = [];
  for (const site of sitesIn(ctx)) {
    if (site.plan.kind !== 'fix' || !wanted.has(startOf(site.node))) continue;
    const className = ctx.useKitExport(site.plan.className);
    const callee = site.node.callee;
    // `Error('x')` works without `new`; a class does not.
    const text = site.node.type === 'CallExpression' ? `new ${className}` : className;
    edits.push({ start: startOf(callee), end: endOf(callee), text });
    if (!site.plan.expose) edits.push(...internalMessageEdits(site.node, ctx.source));
  }
  return { edits };
}

type Plan =
  | { kind: 'fix'; className: string; expose: boolean }
  | { kind: 'unknown-class'; reason: string }
  | { kind: 'unmapped'; reason: string }
  | { kind: 'programmer-error'; reason: string };

/** `{ expose: false }` in the options, so the thrown message reaches logs and never a client. */
function internalMessageEdits(created: NewExpression | CallExpression, source: string): TextEdit[] {
  const [message, options] = created.arguments;
  if (message === undefined) return [];
  if (options === undefined) return [{ start: endOf(message), end: endOf(message), text: ', { expose: false }' }];
  if (options.type !== 'ObjectExpression') return [];
  const last = options.properties[options.properties.length - 1];
  if (last === undefined) return [{ start: startOf(options), end: endOf(options), text: '{ expose: false }' }];
  // A property on its own line gets a sibling on its own line, with the same indentation.
  const separator = isFirstOnLine(source, startOf(last)) ? lineEndingOf(source) + indentationAt(source, startOf(last)) : ' ';
  const comma = /^\s*,/.exec(source.slice(endOf(last), endOf(options) - 1));
  if (comma !== null) {
    const at = endOf(last) + comma[0].length;
    return [{ start: at, end: at, text: `${separator}expose: false,` }];
  }
  return [{ start: endOf(last), end: endOf(last), text: `,${separator}expose: false` }];
}

interface Site {
  node: NewExpression | CallExpression;
  plan: Plan;
}

/**
 * Generic errors that are thrown, rejected or returned, each with what the catalog's mappings make of
 * its message; read `sites()` once the walk is over, since whether the file declares its own `Error`
 * is only known then.
 */
function siteCollector(ctx: Omit<TransformContext, 'useKitExport'>): { visitors: NodeVisitors; sites: () => Site[] } {
  const generic = genericClassesOf(ctx);
  // An escape (`\u0050romise`) can spell the name too.
  const mentionsPromise = ctx.source.includes('Promise') || ctx.source.includes('\\u');
  const candidates: Array<Site & { kind: GenericKind }> = [];
  let errorShadowed = false;
  const consider = (node: Node | null | undefined, ancestors: readonly Node[]): void => {
    if (node == null) return;
    const created = unwrapped(node);
    if (created.type !== 'NewExpression' && created.type !== 'CallExpression') return;
    const kind = generic(created.callee);
    if (kind === undefined) return;
    // Only the built-in works as a plain call; any other call is a function of the project's own.
    if (created.type === 'CallExpression' && kind !== 'built-in') return;
    candidates.push({ node: created, plan: planFor(created, ancestors, ctx), kind });
  };
  const declares = (name: string | undefined): void => {
    if (name === 'Error') errorShadowed = true;
  };
  const declaresLocal = (node: { local: { name: string } }): void => declares(node.local.name);
  const visitors: NodeVisitors = {
    ThrowStatement: (node, ancestors) => consider(node.argument, [...ancestors, node]),
    ReturnStatement: (node, ancestors) => consider(node.argument, [...ancestors, node]),
    ArrowFunctionExpression: (node, ancestors) => {
      if (node.body.type !== 'BlockStatement') consider(node.body, [...ancestors, node]);
    },
    CallExpression: (node, ancestors) => {
      if (isRejection(node, ancestors, mentionsPromise)) consider(node.arguments[0], [...ancestors, node]);
    },
    ClassDeclaration: (node) => declares(node.id?.name),
    FunctionDeclaration: (node) => declares(node.id?.name),
    VariableDeclarator: (node) => declares(node.id.type === 'Identifier' ? node.id.name : undefined),
    ImportSpecifier: declaresLocal,
    ImportDefaultSpecifier: declaresLocal,
    ImportNamespaceSpecifier: declaresLocal,
  };
  // A file that declares its own `Error` means that one wherever it says `Error`.
  const sites = (): Site[] => candidates.filter((site) => !(errorShadowed && site.kind === 'built-in')).map(({ node, plan }) => ({ node, plan }));
  return { visitors, sites };
}

function sitesIn(ctx: Omit<TransformContext, 'useKitExport'>): Site[] {
  const { visitors, sites } = siteCollector(ctx);
  walkWithVisitors(ctx.ast, [visitors]);
  return sites();
}

function planFor(created: NewExpression | CallExpression, ancestors: readonly Node[], ctx: Omit<TransformContext, 'useKitExport'>): Plan {
  const [message] = created.arguments;
  if (message === undefined) return { kind: 'unmapped', reason: 'the error has no message for the rules to judge' };
  if (message.type === 'SpreadElement' || message.type === 'ArgumentPlaceholder') {
    return { kind: 'unmapped', reason: 'the message is spread from an array, so no rule can judge it' };
  }
  const text = fixedTextOf(message, ctx.source);
  if (!text.ok) return { kind: 'unmapped', reason: text.reason };
  const mapped = mappedClassFor(text.text, ctx.kit);
  if (mapped.kind === 'none') return { kind: 'unmapped', reason: 'no enabled mapping in the catalog matches the message; add one to faultline.catalog.json to map it' };
  const mistake = programmerErrorReason(text.text, created, ancestors, ctx.source);
  if (mistake !== undefined) return { kind: 'programmer-error', reason: mistake };
  if (mapped.kind === 'class') {
    const [, options] = created.arguments;
    if (!mapped.expose && options !== undefined && options.type !== 'ObjectExpression') {
      return { kind: 'unknown-class', reason: 'the options are not an object literal, so `expose: false` cannot be added to keep the message from clients; map it by hand' };
    }
    return { kind: 'fix', className: mapped.name, expose: mapped.expose };
  }
  if (mapped.kind === 'unknown-class') {
    return {
      kind: 'unknown-class',
      reason: `the catalog maps /${mapped.pattern}/ to ${mapped.name}, which is not one of its errors — fix the mapping (\`faultline check\` explains)`,
    };
  }
  return { kind: 'unmapped', reason: 'no mapping in the catalog matches the message; add one to faultline.catalog.json to map it' };
}


/**
 * Why this error is a programmer's, not a domain failure, if it is: its message says so, it is thrown
 * from a `default:` branch or after a `typeof`/`instanceof` check of an argument, or the function
 * around it reads or sends a `code` or `status`, which a new class would change.
 */
function programmerErrorReason(message: string, created: Node, ancestors: readonly Node[], source: string): string | undefined {
  if (PROGRAMMER_MESSAGE.test(message)) return 'the message describes a broken invariant (a bug), which no client caused';
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const ancestor = ancestors[i] as Node;
    if (isFunctionNode(ancestor)) {
      const body = source.slice(startOf(ancestor), endOf(ancestor));
      if (/\.(code|status|statusCode)\b/.test(body)) return 'the code around it reads or sends a `code` or `status`, which a catalog class would change';
      break;
    }
    if (ancestor.type === 'SwitchCase' && ancestor.test == null) return 'it is thrown from a `default:` branch, which catches cases the code does not expect: a bug, not a client error';
    if (ancestor.type === 'IfStatement' && ancestor.consequent === (ancestors[i + 1] ?? created) && isTypeCheck(ancestor.test)) {
      return 'it is thrown after a type check of a value, which reports a caller passing the wrong kind of argument: a bug, not a client error';
    }
  }
  return undefined;
}

function isTypeCheck(test: Node): boolean {
  let found = false;
  walk(test, (node) => {
    if (node.type === 'UnaryExpression' && node.operator === 'typeof') found = true;
    if (node.type === 'BinaryExpression' && node.operator === 'instanceof') found = true;
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' && /^is(Array|Integer|Finite|NaN|SafeInteger|Buffer)$/.test(node.callee.property.name)) found = true;
  });
  return found;
}

type GenericKind = 'built-in' | 'kit';

/**
 * Which constructors stand for "an error" with no more said: the built-in `Error` (unless the file
 * declares its own, which the site collector learns from the walk), and the kit's `AppError`, which is
 * what code gets where `Error` cannot take a cause.
 */
function genericClassesOf(ctx: Omit<TransformContext, 'useKitExport'>): (callee: Node) => GenericKind | undefined {
  const kit = kitBindingsOf(ctx.ast, ctx.filePath, ctx.kit, ctx.moduleStyle);
  const appError = kit.locals.get('AppError');
  return (callee) => {
    if (callee.type === 'Identifier') {
      if (callee.name === 'Error') return 'built-in';
      return callee.name === appError ? 'kit' : undefined;
    }
    if (
      callee.type === 'MemberExpression' &&
      !callee.computed &&
      callee.object.type === 'Identifier' &&
      callee.object.name === kit.namespace &&
      callee.property.type === 'Identifier' &&
      callee.property.name === 'AppError'
    ) {
      return 'kit';
    }
    return undefined;
  };
}

/** `reject(x)` where `reject` is the second parameter of a `new Promise` executor, or `Promise.reject(x)`. */
function isRejection(call: CallExpression, ancestors: readonly Node[], mentionsPromise: boolean): boolean {
  const callee = call.callee;
  if (callee.type === 'MemberExpression' && !callee.computed) {
    return callee.object.type === 'Identifier' && callee.object.name === 'Promise' && callee.property.type === 'Identifier' && callee.property.name === 'reject';
  }
  // Every plain call would otherwise search its enclosing functions for an executor that a file
  // without the word Promise cannot have.
  if (callee.type !== 'Identifier' || !mentionsPromise) return false;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const ancestor = ancestors[i] as Node;
    if (!isFunctionNode(ancestor) || !('params' in ancestor)) continue;
    const index = ancestor.params.findIndex((param) => param.type === 'Identifier' && param.name === callee.name);
    if (index === -1) continue;
    // The innermost function with a parameter of that name is the one the call refers to.
    const parent = ancestors[i - 1];
    return (
      index === 1 &&
      parent?.type === 'NewExpression' &&
      parent.arguments[0] === ancestor &&
      parent.callee.type === 'Identifier' &&
      parent.callee.name === 'Promise'
    );
  }
  return false;
}

function unwrapped(node: Node): Node {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'ParenthesizedExpression') {
    current = current.expression;
  }
  return current;
}

export default toJscodeshift({ meta, mightMatch, detect, fix, detectShared });
