/**
 * throw-literal: `throw 'User not found'` throws a value without a stack, which handlers that check
 * `instanceof Error` (the kit's included) treat as an unknown failure. The fix throws an error that
 * carries the same message: `throw new AppError('User not found')`, or the catalog class its
 * `mappings` pick for that message.
 */
import type { CatchClause, File, Node, ObjectExpression, ThrowStatement } from '@babel/types';
import { enclosingCatchBody, prependToBlock } from './lib/catch-helpers.js';
import { claimCatchBinding } from './lib/claim-catch-binding.js';
import { withoutTypeWrappers } from './lib/error-expressions.js';
import { findingAt, withoutSuppressed } from './lib/findings.js';
import { isTextExpression } from './lib/log-message.js';
import { fixedTextOf, mappedClassFor, shorten } from './lib/message-mapping.js';
import { endOf, startOf } from './lib/range.js';
import { isFreeOfEffects } from './lib/side-effects.js';
import { preferredQuoteOf, quoteString } from './lib/source-style.js';
import { toJscodeshift } from './lib/standalone.js';
import { moduleBindingsOf } from './lib/module-bindings.js';
import { sourceHas } from './lib/source-words.js';
import { everyThrowConstructs } from './lib/throw-text.js';
import { detectAlone, walkWithVisitors } from './lib/shared-walk.js';
import { isFunctionNode, walk } from './lib/walk.js';
import type { Finding, FixResult, NodeVisitors, SharedDetection, TextEdit, TransformContext, TransformMeta } from '../types.js';

export const meta: TransformMeta = {
  id: 'throw-literal',
  title: 'Throw errors, not literals',
  description: "Turns `throw 'message'` (and thrown numbers, templates and plain objects) into `throw new AppError('message')`.",
  // `typeof err === 'string'` and `err.code` checks on the thrown value see an error object instead.
  changesBehaviour: true,
  severity: 'warning',
  messages: {
    literalThrown: 'A literal is thrown instead of an Error: it has no stack, and handlers checking `instanceof Error` miss it.',
    objectThrown: 'A plain object is thrown instead of an Error: it has no stack, and handlers checking `instanceof Error` miss it.',
    mayNotBeError: 'What is thrown here may not be an Error.',
  },
  docs: 'docs/transforms/throw-literal.md',
};

/** The message of an error made from an object that had none. */
export const OBJECT_WITHOUT_MESSAGE = 'An object was thrown without a message';

export function mightMatch(source: string): boolean {
  // `throw new X(…);` is never a literal; a file that throws nothing else has nothing to find.
  return sourceHas(source, 'throw') && /\bthrow\b/.test(source) && !everyThrowConstructs(source);
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  return detectAlone(detectShared(ctx), ctx.ast);
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  const { visitors, sites } = siteCollector(ctx);
  const findings = (): Finding[] => {
    const all: Finding[] = [];
    for (const site of sites) {
      const plan = site.plan;
      if (plan.kind === 'fix' && ctx.kit.profile === 'library' && plan.details !== undefined) {
        all.push(findingAt(meta, plan.messageId, site.thrown, { fixable: false, reason: LIBRARY_DETAILS_REASON }));
      } else if (plan.kind === 'fix') all.push(findingAt(meta, plan.messageId, site.thrown, { fixable: true }));
      else if (plan.kind === 'unsafe') all.push(findingAt(meta, plan.messageId, site.thrown, { fixable: false, reason: plan.reason }));
      else all.push(findingAt(meta, 'mayNotBeError', site.thrown, { fixable: false, reason: plan.reason, severity: 'info' }));
    }
    return withoutSuppressed(all, ctx.ast, meta.id);
  };
  return { visitors, findings };
}

export function fix(ctx: TransformContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable && finding.ruleId === meta.id).map((finding) => finding.start));
  const fixes = sitesIn(ctx).filter((site): site is Site & { plan: FixPlan } => site.plan.kind === 'fix' && wanted.has(startOf(site.thrown)));
  const edits: TextEdit[] = [];
  const byClause = new Map<CatchClause | undefined, Array<{ site: Site & { plan: FixPlan }; className: string }>>();
  // A library's code cannot reach the kit: its own exported base class is what its callers already catch.
  const ownClass = ctx.kit.profile === 'library' ? (ownErrorClassOf(ctx.ast, ctx.source) ?? 'Error') : undefined;
  for (const site of fixes) {
    if (ownClass !== undefined) {
      // Neither the class's constructor nor Error takes the kit's options; a class of the library's own may take none at all.
      delete site.plan.internalMessage;
      delete site.plan.mapped;
      delete site.plan.details;
      if (ownClass !== 'Error') site.plan.bare = true;
    }
    const className = ownClass ?? ctx.useKitExport(site.plan.mapped ?? 'AppError');
    const group = byClause.get(site.clause) ?? [];
    group.push({ site, className });
    byClause.set(site.clause, group);
  }
  for (const [clause, group] of byClause) {
    let cause: string | undefined;
    if (clause !== undefined && group.some(({ site }) => site.plan.cause === undefined)) {
      const binding = claimCatchBinding(clause, ctx.source, group.map(({ className }) => className));
      edits.push(...binding.paramEdits);
      if (binding.destructuring !== undefined) edits.push(prependToBlock(clause.body, ctx.source, binding.destructuring));
      cause = binding.name === 'cause' ? 'cause' : `cause: ${binding.name}`;
    }
    for (const { site, className } of group) {
      const options: string[] = [];
      if (site.plan.details !== undefined) options.push(`details: { ${site.plan.details.join(', ')} }`);
      const ownCause = site.plan.cause ?? cause;
      if (ownCause !== undefined && site.plan.bare !== true) options.push(ownCause);
      if (site.plan.internalMessage) options.push('expose: false');
      const text = `new ${className}(${site.plan.message}${options.length > 0 ? `, { ${options.join(', ')} }` : ''})`;
      edits.push({ start: startOf(site.thrown), end: endOf(site.thrown), text });
    }
  }
  return { edits };
}

interface FixPlan {
  kind: 'fix';
  messageId: 'literalThrown' | 'objectThrown';
  /** The new error's first argument, as code. */
  message: string;
  /** The catalog class the mappings chose for the message, when they chose one. */
  mapped?: string;
  /**
   * The mapped class would show its own message to clients (a 4xx does by default) and its mapping
   * does not say `expose`: the message stays internal, clients see the class's public message.
   */
  internalMessage?: true;
  /** Fields of a thrown object other than its message and cause, as code (`code`, `status: 404`). */
  details?: string[];
  /** The thrown object's own `cause` property, as an options property. */
  cause?: string;
  /** The class takes the message alone. */
  bare?: true;
}

type Plan = FixPlan | { kind: 'unsafe'; messageId: 'literalThrown' | 'objectThrown'; reason: string } | { kind: 'unknown'; reason: string };

interface Site {
  thrown: Node;
  /** The catch clause the throw runs in, whose error becomes the new error's cause. */
  clause: CatchClause | undefined;
  plan: Plan;
}

function siteCollector(ctx: Omit<TransformContext, 'useKitExport'>): { visitors: NodeVisitors; sites: Site[] } {
  let quote: "'" | '"' | undefined;
  const sites: Site[] = [];
  const visitors: NodeVisitors = {
    ThrowStatement(node, ancestors) {
      // Scanning the text for its quote style is left until a throw needs it.
      quote ??= preferredQuoteOf(ctx.source);
      const plan = planFor(node, ancestors, ctx, quote);
      if (plan !== undefined) sites.push({ thrown: node.argument, clause: enclosingCatchBody(ancestors, node, false), plan });
    },
  };
  return { visitors, sites };
}

function sitesIn(ctx: Omit<TransformContext, 'useKitExport'>): Site[] {
  const { visitors, sites } = siteCollector(ctx);
  walkWithVisitors(ctx.ast, [visitors]);
  return sites;
}

function planFor(statement: ThrowStatement, ancestors: readonly Node[], ctx: Omit<TransformContext, 'useKitExport'>, quote: "'" | '"'): Plan | undefined {
  const thrown = statement.argument;
  const code = ctx.source.slice(startOf(thrown), endOf(thrown));
  const withMapping = (message: string, judged: Node | undefined): FixPlan => {
    const plan: FixPlan = { kind: 'fix', messageId: 'literalThrown', message };
    const text = judged === undefined ? undefined : fixedTextOf(judged, ctx.source);
    const mapped = text?.ok ? mappedClassFor(text.text, ctx.kit) : undefined;
    if (mapped?.kind === 'class') {
      plan.mapped = mapped.name;
      if (!mapped.expose) plan.internalMessage = true;
    }
    return plan;
  };

  switch (thrown.type) {
    case 'StringLiteral':
    case 'TemplateLiteral':
      return withMapping(code, thrown);
    case 'NumericLiteral':
    case 'BigIntLiteral':
      return withMapping(quoteString(String(thrown.value), quote), undefined);
    case 'UnaryExpression':
      if (thrown.operator === '-' && thrown.argument.type === 'NumericLiteral') return withMapping(quoteString(String(-thrown.argument.value), quote), undefined);
      return { kind: 'unknown', reason: `\`${shorten(code)}\` is computed, and faultline cannot tell whether it is an Error` };
    case 'ObjectExpression':
      return objectPlan(thrown, ctx.source, quote, withMapping);
    case 'NullLiteral':
    case 'BooleanLiteral':
    case 'RegExpLiteral':
    case 'ArrayExpression':
      return { kind: 'unsafe', messageId: 'literalThrown', reason: `\`${shorten(code)}\` carries no message to keep; throw an error that says what went wrong` };
    case 'NewExpression':
      return undefined;
    default:
      break;
  }
  if (isTextExpression(thrown)) return withMapping(code, thrown);
  const inner = withoutTypeWrappers(thrown);
  if (inner.type === 'Identifier') {
    if (inner.name === 'undefined') {
      return { kind: 'unsafe', messageId: 'literalThrown', reason: '`undefined` carries no message to keep; throw an error that says what went wrong' };
    }
    // A caught error or a parameter handed in is being passed along: that is what it was given, not a choice made here.
    if (isBoundByEnclosingCatchOrFunction(inner.name, ancestors)) return undefined;
    // `const error = new TypeError(…); error.code = …; throw error;`
    if (constantErrorIn(inner.name, ancestors, statement)) return undefined;
    return { kind: 'unknown', reason: `\`${inner.name}\` may hold an Error already; faultline cannot tell what it holds` };
  }
  if ((inner.type === 'CallExpression' || inner.type === 'OptionalCallExpression') && namesAnError(inner.callee)) return undefined;
  if (inner.type === 'NewExpression') return undefined;
  if (inner.type === 'ConditionalExpression' && makesAnError(inner, ancestors)) return undefined;
  return { kind: 'unknown', reason: `\`${shorten(code)}\` is computed, and faultline cannot tell whether it is an Error` };
}

function objectPlan(
  object: ObjectExpression,
  source: string,
  quote: "'" | '"',
  withMapping: (message: string, judged: Node | undefined) => FixPlan,
): Plan {
  const unsafe = (reason: string): Plan => ({ kind: 'unsafe', messageId: 'objectThrown', reason });
  let message: { code: string; judged: Node | undefined } | undefined;
  let cause: string | undefined;
  const details: string[] = [];
  let withEffects = 0;
  for (const property of object.properties) {
    if (property.type === 'SpreadElement') return unsafe('the object spreads another object, whose fields cannot be told apart from here');
    if (property.type === 'ObjectMethod') return unsafe('the object has methods or accessors, which an error\'s details cannot keep');
    if (property.computed) return unsafe('the object has a computed key, so its message cannot be told apart from its other fields');
    if (!isFreeOfEffects(property.value)) withEffects++;
    const key = keyOf(property.key);
    const valueCode = source.slice(startOf(property.value), endOf(property.value));
    if (key === 'message') {
      if (message !== undefined) return unsafe('the object names its message twice');
      message = messageFromValue(property.value, valueCode, quote);
    } else if (key === 'cause') {
      cause = property.shorthand ? 'cause' : `cause: ${valueCode}`;
    } else {
      details.push(source.slice(startOf(property), endOf(property)));
    }
  }
  // The message and the details are evaluated in a new order; with two or more calls among them, which runs first would change.
  if (withEffects > 1) return unsafe('more than one field is computed by a call, and the rewrite would change the order they run in');
  const plan = message === undefined ? withMapping(quoteString(OBJECT_WITHOUT_MESSAGE, quote), undefined) : withMapping(message.code, message.judged);
  plan.messageId = 'objectThrown';
  if (details.length > 0) plan.details = details;
  if (cause !== undefined) plan.cause = cause;
  return plan;
}

/** A message field as the new error's message: strings as they are, anything else in its string form. */
function messageFromValue(value: Node, code: string, quote: "'" | '"'): { code: string; judged: Node | undefined } {
  if (value.type === 'StringLiteral' || value.type === 'TemplateLiteral' || isTextExpression(value)) return { code, judged: value };
  if (value.type === 'NumericLiteral') return { code: quoteString(String(value.value), quote), judged: undefined };
  // Error messages are strings; `String(…)` keeps a string as it is and types anything else as one.
  return { code: `String(${code})`, judged: undefined };
}

function keyOf(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  return undefined;
}

/** `Error(…)`, `createError(…)`, `errors.badRequestError(…)`: calls whose name says they make an error. */
function namesAnError(callee: Node): boolean {
  if (callee.type === 'Identifier') return /error$/i.test(callee.name);
  if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed && callee.property.type === 'Identifier') {
    return /error$/i.test(callee.property.name);
  }
  return false;
}

/**
 * Whether `name` is a constant declared, before the throw and in a block around it, with an error
 * as its value (`new TypeError(…)`, `createError(…)`, `e instanceof HttpError ? e : new HttpError(…)`).
 */
function constantErrorIn(name: string, ancestors: readonly Node[], statement: Node): boolean {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const list = ancestors[i] as Node;
    if (list.type !== 'BlockStatement' && list.type !== 'Program') continue;
    const child = ancestors[i + 1] ?? statement;
    for (const candidate of list.body as Node[]) {
      if (candidate === child) break;
      if (candidate.type !== 'VariableDeclaration') continue;
      const declarator = candidate.declarations.find((item) => item.id.type === 'Identifier' && item.id.name === name);
      // The nearest declaration of the name decides; only a constant cannot have changed since.
      if (declarator !== undefined) return candidate.kind === 'const' && declarator.init != null && makesAnError(declarator.init, ancestors.slice(0, i + 1));
    }
  }
  return false;
}

/** An expression whose value is an error whichever way it goes. */
function makesAnError(node: Node, ancestors: readonly Node[], narrowed: ReadonlySet<string> = new Set()): boolean {
  const inner = withoutTypeWrappers(node);
  if (inner.type === 'NewExpression') return true;
  if ((inner.type === 'CallExpression' || inner.type === 'OptionalCallExpression') && namesAnError(inner.callee)) return true;
  if (inner.type === 'Identifier') return narrowed.has(inner.name) || isBoundByEnclosingCatchOrFunction(inner.name, ancestors);
  if (inner.type === 'ConditionalExpression') {
    // `e instanceof FetchBaseError ? e : …`: the test says what `e` is on the branch it picks.
    const test = inner.test;
    const checked = test.type === 'BinaryExpression' && test.operator === 'instanceof' && test.left.type === 'Identifier' ? test.left.name : undefined;
    return makesAnError(inner.consequent, ancestors, checked === undefined ? narrowed : new Set([...narrowed, checked])) && makesAnError(inner.alternate, ancestors, narrowed);
  }
  return false;
}

function isBoundByEnclosingCatchOrFunction(name: string, ancestors: readonly Node[]): boolean {
  return ancestors.some((ancestor) => {
    if (ancestor.type === 'CatchClause') return ancestor.param != null && bindsName(ancestor.param, name);
    if (isFunctionNode(ancestor) && 'params' in ancestor) return ancestor.params.some((param) => bindsName(param, name));
    return false;
  });
}

function bindsName(pattern: Node, name: string): boolean {
  let found = false;
  walk(pattern, (node, ancestors) => {
    if (found || node.type !== 'Identifier' || node.name !== name) return;
    const parent = ancestors[ancestors.length - 1];
    // `{ code: c }` binds `c`, not `code`; a default value's names are read, not bound.
    if (parent?.type === 'ObjectProperty' && parent.key === node && !parent.shorthand) return;
    if (parent?.type === 'AssignmentPattern' && parent.right === node) return;
    found = true;
  });
  return found;
}

export default toJscodeshift({ meta, mightMatch, detect, fix, detectShared });

const LIBRARY_DETAILS_REASON = "the thrown object's other fields are part of what a library's callers read, and its error class has nowhere to keep them; rewrite it by hand";

/**
 * The library's own error class for this file, from the file alone: one it declares and exports that
 * extends `Error` directly (`export class ParseError extends Error`, or a class named in
 * `module.exports`), else one it imports from the library's own modules and already throws with a
 * message (`new ConfigError(\`…\`)`), which shows the class and how it is called. Other files are
 * not read to guess one. Undefined when the file shows none.
 */
function ownErrorClassOf(ast: File, source: string): string | undefined {
  for (const statement of ast.program.body) {
    const exported = statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'ClassDeclaration';
    const declaration = exported && statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node) : statement;
    if (declaration.type !== 'ClassDeclaration' || declaration.id == null) continue;
    if (declaration.superClass?.type !== 'Identifier' || declaration.superClass.name !== 'Error') continue;
    const name = declaration.id.name;
    if (exported || new RegExp(`module\\.exports\\b[^;]*\\b${name}\\b|exports\\.${name}\\s*=`).test(source)) return name;
  }
  return importedErrorClassOf(ast);
}

const ERROR_CLASS_NAME = /^[A-Z]\w*Error$/;

/** The error class imported from one of the library's own modules that the file throws most often with a message. */
function importedErrorClassOf(ast: File): string | undefined {
  const imported = new Set<string>();
  for (const binding of moduleBindingsOf(ast)) {
    if (!binding.whole && !binding.typeOnly && isOwnModule(binding.source) && ERROR_CLASS_NAME.test(binding.local)) imported.add(binding.local);
  }
  if (imported.size === 0) return undefined;
  const thrown = new Map<string, number>();
  walk(ast.program, (node) => {
    if (node.type !== 'NewExpression' || node.callee.type !== 'Identifier' || !imported.has(node.callee.name)) return;
    const [first] = node.arguments;
    if (first !== undefined && (first.type === 'StringLiteral' || first.type === 'TemplateLiteral' || isTextExpression(first))) {
      thrown.set(node.callee.name, (thrown.get(node.callee.name) ?? 0) + 1);
    }
  });
  let best: string | undefined;
  for (const [name, count] of thrown) if (best === undefined || count > (thrown.get(best) as number)) best = name;
  return best;
}

/** A relative specifier: a module of the library itself, not a package it depends on. */
function isOwnModule(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}
