/**
 * error-details-in-response: a catch that answers the client with the caught error's text
 * (`res.status(500).json({ error: err.message })`, `ctx.body = err.stack`, `res.send(err)`) shows
 * whoever sent the request what failed inside: a query and its table, a file path, a host and
 * port, an upstream's own answer. The catch took every error its try block can throw, not only the
 * ones whose words were written for a user.
 *
 * Express error middleware (`(err, req, res, next)`) is read the same way: it is where every error
 * of the service ends up.
 *
 * Left alone, as decisions: an answer in the branch a test of the error's kind picks out
 * (`instanceof`, `err.code`, `err.status < 500`, `isHttpError(err)`; not the `else` left for every
 * other error), details given only outside production (`NODE_ENV`, `isDev`), a 4xx answer to a
 * try block that only parses or validates input (that message is about the request), and test
 * files, whose servers answer only the test. Any other 4xx answer is reported as info: the author
 * meant the client to read why its request failed.
 */
import type { CallExpression, Node, TryStatement } from '@babel/types';
import { leavesAfter } from '../lib/catch-helpers.js';
import { findingAt, withoutSuppressed } from '../lib/findings.js';
import { withoutTypeWrappers } from '../lib/error-expressions.js';
import { followedAfterGap } from '../lib/code-gaps.js';
import { sourceHas } from '../lib/source-words.js';
import { isFunctionNode, walk } from '../lib/walk.js';
import type { Finding, SharedDetection, TransformContext, TransformMeta } from '../../types.js';
import { detectionOverSiteIndex, RESPONSE_METHODS, RESPONSE_NAMES, siteIndexOf } from './site-index.js';

export const meta: TransformMeta = {
  id: 'error-details-in-response',
  title: 'Answer the client with a safe message, not the error',
  description: "Reports catch blocks that send the caught error's message, stack or whole object in an HTTP response.",
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    detailsSent:
      "The caught error's details are sent to the client, where they can show internals (a query, a path, a host); log the error and answer with a fixed message, or pass it to the central error handler.",
  },
  docs: 'docs/rules/error-details-in-response.md',
};

/**
 * What a response write needs in the text: `.json(`, `.send(`… or `.body =`, or `Response`. Comments
 * between the `.` and the name are checked by a scan that stays linear on any text.
 */
const METHOD_NAMES = [...RESPONSE_METHODS].join('|');
const WRITE = new RegExp(String.raw`\.\s*(?:(?:${METHOD_NAMES})\s*\(|body\s*=)|\bResponse\b`);
const DOT_THEN_COMMENT = /\.\s*\/[/*]/;
const DOT = /\./g;
const WRITE_AFTER_GAP = new RegExp(String.raw`(?:${METHOD_NAMES}|body)\b`, 'y');

/** A catch, a `.catch(…)`, or an error middleware, whose last parameter is nearly always `next`. */
export function mightMatch(source: string): boolean {
  return (sourceHas(source, 'catch') || sourceHas(source, 'next')) && (WRITE.test(source) || (DOT_THEN_COMMENT.test(source) && followedAfterGap(source, DOT, WRITE_AFTER_GAP)));
}

/** Names a context goes by in Koa and Hono. */
const CONTEXT_NAMES = new Set(['ctx', 'context', 'c']);
/** Calls chained before the body is sent: `res.status(500).type('json').json(…)`. */
const CHAINED = new Set(['status', 'code', 'type', 'set', 'header', 'headers', 'contentType']);
/** What an error carries that was written for its developers, not for a user. */
const DETAIL_PROPERTIES = new Set(['message', 'stack', 'sqlMessage', 'sql', 'detail', 'cause', 'response', 'config', 'errors']);
/** What a test of the error's kind reads. */
const KIND_PROPERTY = /^(?:name|code|type|kind|status|expose|errno|isAxiosError|isBoom|isOperational|constructor)$|(?:Code|Status|Type|Kind)$/;
const BUILT_IN_CLASSES = new Set(['Object', 'Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'AggregateError']);
const DEBUG_WORDS = /NODE_ENV|\b(?:is|show|with|expose|include)?_?(?:dev|development|debug|prod|production|verbose)\b/i;
const INPUT_CHECK = /parse|valid|decode|verify|assert|check|coerce|cast/i;
const TEST_FILE = /(?:^|[/\\])(?:tests?|__tests__|__mocks__|specs?|e2e|fixtures?)[/\\]|\.(?:test|spec)\.[cm]?[jt]sx?$/;

interface Write {
  /** The bodies sent. */
  bodies: Node[];
  /** The status given with them, when written in the same expression. */
  status: Node | undefined;
  /**
   * A helper handed the response (`respond({ res, message })`): what it does with a whole error is
   * its own business, so only the error's text given to it counts.
   */
  throughHelper?: true;
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  if (TEST_FILE.test(ctx.filePath)) return [];
  const findings: Finding[] = [];
  const index = siteIndexOf(ctx.ast);
  for (const site of index.responseWrites) {
    const write = responseWrite(site.node);
    if (write === undefined) continue;
    const handler = site.handlers.find(({ name }) => write.bodies.some((body) => (write.throughHelper && isWhole(body, name) ? false : sendsDetails(body, name, ctx.source))));
    if (handler === undefined) continue;
    if (site.path.some((node) => guardsByDebugSetting(node, ctx.source))) continue;
    if (narrowedByKind(site.path, site.node, handler.name)) continue;
    if (answersBadInput(index.tryStatements.find((statement) => statement.handler === handler.handler), write.status)) continue;
    // A 4xx says the request was at fault: the author meant the client to read why, and may be
    // right for most of what the try block throws, so it is told, not warned about.
    findings.push(findingAt(meta, 'detailsSent', site.node, { fixable: false, ...(isClientError(write.status) ? { severity: 'info' as const } : {}) }));
  }
  return withoutSuppressed(findings, ctx.ast, meta.id);
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  return detectionOverSiteIndex(ctx.ast, () => detect(ctx));
}

/** The body and status of a response write, or undefined when the node sends nothing to a client. */
function responseWrite(node: Node): Write | undefined {
  if (node.type === 'AssignmentExpression') {
    // `ctx.body = …`, `ctx.response.body = …`, `this.body = …` (Koa).
    const owner = node.left.type === 'MemberExpression' ? node.left.object : undefined;
    return owner !== undefined && isContext(owner, true) ? { bodies: [node.right], status: undefined } : undefined;
  }
  if (node.type === 'NewExpression') {
    const [body, init] = node.arguments;
    return body === undefined ? undefined : { bodies: [body], status: statusOption(init) };
  }
  if (node.type !== 'CallExpression') return undefined;
  return directWrite(node) ?? helperWrite(node.arguments);
}

/** `res.status(500).json(body)`, `reply.send(body)`, `c.json(body, 500)`, `Response.json(body, init)`. */
function directWrite(node: CallExpression): Write | undefined {
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !RESPONSE_METHODS.has(callee.property.name)) return undefined;
  const [body, second] = node.arguments;
  if (body === undefined || body.type === 'SpreadElement' || body.type === 'ArgumentPlaceholder') return undefined;
  const method = callee.property.name;
  let receiver: Node = callee.object;
  // `Response.json(body, init)`, `NextResponse.json(body, init)`
  if (receiver.type === 'Identifier' && /Response$/.test(receiver.name)) return method === 'json' ? { bodies: [body], status: statusOption(second) } : undefined;
  // Hono's `c.json(body, 500)`, `c.text(text, 500)`
  if (receiver.type === 'Identifier' && CONTEXT_NAMES.has(receiver.name)) return { bodies: [body], status: second };
  let status: Node | undefined;
  while (receiver.type === 'CallExpression' && receiver.callee.type === 'MemberExpression' && receiver.callee.property.type === 'Identifier' && CHAINED.has(receiver.callee.property.name)) {
    if (['status', 'code'].includes(receiver.callee.property.name)) status = receiver.arguments[0];
    receiver = receiver.callee.object;
  }
  return isResponse(receiver) ? { bodies: [body], status } : undefined;
}

/** What a helper handed the response is given besides it, and the status among that. */
function helperWrite(args: CallExpression['arguments']): Write | undefined {
  const bodies: Node[] = [];
  let status: Node | undefined;
  let handed = false;
  for (const argument of args) {
    if (isResponse(argument)) {
      handed = true;
    } else if (argument.type === 'ObjectExpression') {
      for (const property of argument.properties) {
        if (property.type !== 'ObjectProperty') continue;
        if (isResponse(property.value)) handed = true;
        else if (!property.computed && property.key.type === 'Identifier' && ['status', 'code', 'statusCode'].includes(property.key.name)) status = property.value;
        else bodies.push(property.value);
      }
    } else if (argument.type === 'NumericLiteral') {
      status = argument;
    } else {
      bodies.push(argument);
    }
  }
  return handed && bodies.length > 0 ? { bodies, status, throughHelper: true } : undefined;
}

function isWhole(node: Node, name: string): boolean {
  const bare = withoutTypeWrappers(node);
  return bare.type === 'Identifier' && bare.name === name;
}

function isResponse(node: Node): boolean {
  if (node.type === 'Identifier') return RESPONSE_NAMES.has(node.name);
  // `ctx.res`, `this.response`, `reply.raw`
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    return (['res', 'response'].includes(node.property.name) && (node.object.type === 'ThisExpression' || isContext(node.object, false))) || (node.property.name === 'raw' && isResponse(node.object));
  }
  return false;
}

function isContext(node: Node, orResponse: boolean): boolean {
  if (node.type === 'ThisExpression') return orResponse;
  if (node.type === 'Identifier') return CONTEXT_NAMES.has(node.name) && node.name !== 'c';
  return orResponse && node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'response' && isContext(node.object, false);
}

/** `{ status: 500 }` given to `new Response(…)` or `Response.json(…)`. */
function statusOption(init: Node | undefined): Node | undefined {
  if (init?.type !== 'ObjectExpression') return undefined;
  for (const property of init.properties) {
    if (property.type === 'ObjectProperty' && !property.computed && property.key.type === 'Identifier' && property.key.name === 'status') return property.value;
  }
  return undefined;
}

/**
 * Whether the body carries the error bound to `name`: the object itself (serialized with its own
 * fields), its message or stack, or its text; inside an object, array, template or concatenation.
 * A part chosen by a debug setting (`isDev ? err.stack : undefined`) is a decision, and not counted.
 */
function sendsDetails(node: Node, name: string, source: string): boolean {
  const bare = withoutTypeWrappers(node);
  switch (bare.type) {
    case 'Identifier':
      return bare.name === name;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return detailOf(bare) === name;
    case 'TemplateLiteral':
      return bare.expressions.some((part) => sendsDetails(part, name, source));
    case 'BinaryExpression':
      return bare.operator === '+' && bare.left.type !== 'PrivateName' && (sendsDetails(bare.left, name, source) || sendsDetails(bare.right, name, source));
    case 'LogicalExpression':
      // `err.expose && err.message`: only errors that say they may be shown.
      if (bare.operator === '&&' && readsKindIn(bare.left, name)) return false;
      return sendsDetails(bare.left, name, source) || sendsDetails(bare.right, name, source);
    case 'ConditionalExpression':
      if (DEBUG_WORDS.test(textOf(bare.test, source))) return false;
      return (!readsKindIn(bare.test, name) && sendsDetails(bare.consequent, name, source)) || sendsDetails(bare.alternate, name, source);
    case 'ObjectExpression':
      return bare.properties.some((property) =>
        property.type === 'SpreadElement' ? sendsDetails(property.argument, name, source) : property.type === 'ObjectProperty' && sendsDetails(property.value, name, source),
      );
    case 'ArrayExpression':
      return bare.elements.some((element) => element !== null && sendsDetails(element.type === 'SpreadElement' ? element.argument : element, name, source));
    case 'CallExpression': {
      const callee = bare.callee;
      // `String(err)`, `JSON.stringify(err)`, `err.toString()`, `util.inspect(err)`
      if (callee.type === 'Identifier' && callee.name === 'String') return bare.arguments.some((argument) => sendsDetails(argument, name, source));
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
        if (callee.property.name === 'toString') return sendsDetails(callee.object, name, source);
        if (['stringify', 'inspect', 'format'].includes(callee.property.name)) return bare.arguments.some((argument) => sendsDetails(argument, name, source));
      }
      return false;
    }
    default:
      return false;
  }
}

/** `name` when the node is `name.message`, `name.stack`, `name.response.data`…, read from the error `name`. */
function detailOf(node: Node): string | undefined {
  let current = withoutTypeWrappers(node);
  let first: string | undefined;
  while (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') {
    const property = current.property;
    if (current.computed && property.type !== 'StringLiteral') return undefined;
    first = property.type === 'Identifier' ? property.name : property.type === 'StringLiteral' ? property.value : undefined;
    current = withoutTypeWrappers(current.object);
  }
  return current.type === 'Identifier' && first !== undefined && DETAIL_PROPERTIES.has(first) ? current.name : undefined;
}

/** An `if`, `?:` or `&&` on the way to the write whose test reads a debug setting. */
function guardsByDebugSetting(node: Node, source: string): boolean {
  if (node.type === 'IfStatement' || node.type === 'ConditionalExpression') return DEBUG_WORDS.test(textOf(node.test, source));
  if (node.type === 'LogicalExpression' && node.operator === '&&') return DEBUG_WORDS.test(textOf(node.left, source));
  return false;
}

/**
 * Whether the write runs only for errors the handler picked out by kind: in the branch a kind test
 * (`instanceof`, `err.code`, `err.status < 500`, `isHttpError(err)`) selects, in a `case` of a
 * switch on the error, or after `if (!(err instanceof X)) throw err;`. The branch left for every
 * other error (the last `else`, `default`) is not picked out: its errors can be anything.
 */
function narrowedByKind(path: readonly Node[], write: Node, name: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const node = path[i] as Node;
    const child = path[i + 1] ?? write;
    if (node.type === 'IfStatement' || node.type === 'ConditionalExpression') {
      const test = kindTest(node.test, name);
      if (test !== undefined && child === (test.negated ? node.alternate : node.consequent)) return true;
    } else if (node.type === 'LogicalExpression' && node.operator === '&&' && child === node.right && kindTest(node.left, name)?.negated === false) {
      return true;
    } else if (node.type === 'SwitchStatement' && readsKindIn(node.discriminant, name) && child.type === 'SwitchCase' && child.test != null) {
      return true;
    } else if (node.type === 'BlockStatement' && exitsUnlessKind(node.body, child, name)) {
      return true;
    }
  }
  return false;
}

/** A statement before `child` in the block that leaves unless the error is of a kind: `if (!(err instanceof X)) throw err;`. */
function exitsUnlessKind(statements: readonly Node[], child: Node, name: string): boolean {
  for (const statement of statements) {
    if (statement === child) return false;
    if (statement.type !== 'IfStatement' || statement.alternate != null) continue;
    if (kindTest(statement.test, name)?.negated === true && leavesAfter(statement.consequent, false)) return true;
  }
  return false;
}

/** Whether `test` reads the error's kind, and whether it asks that the error is not of it (`!(err instanceof X)`). */
function kindTest(test: Node, name: string): { negated: boolean } | undefined {
  let node = test;
  let negated = false;
  while (node.type === 'UnaryExpression' && node.operator === '!') {
    negated = !negated;
    node = node.argument;
  }
  return readsKindIn(node, name) ? { negated } : undefined;
}

function readsKindIn(node: Node, name: string): boolean {
  let found = false;
  walk(node, (inner) => {
    if (found || isFunctionNode(inner)) return false;
    if (readsKind(inner, name)) found = true;
    return undefined;
  });
  return found;
}

function isClientError(status: Node | undefined): boolean {
  return status?.type === 'NumericLiteral' && status.value >= 400 && status.value < 500;
}

function readsKind(node: Node, name: string): boolean {
  if (node.type === 'BinaryExpression' && node.operator === 'instanceof') {
    // Every error is an `Error`, and a `TypeError`'s or `RangeError`'s message is about the code
    // ("Cannot read properties of undefined"): the built-in classes pick out nothing meant for a client.
    const isBase = node.right.type === 'Identifier' && BUILT_IN_CLASSES.has(node.right.name);
    return node.left.type === 'Identifier' && node.left.name === name && !isBase;
  }
  if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed && node.property.type === 'Identifier') {
    const owner = withoutTypeWrappers(node.object);
    return owner.type === 'Identifier' && owner.name === name && KIND_PROPERTY.test(node.property.name);
  }
  if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
    return /^is[A-Z]/.test(calleeName(node.callee)) && node.arguments.some((argument) => argument.type === 'Identifier' && argument.name === name);
  }
  return false;
}

/**
 * A 4xx answer to a try block that only parses or validates (`JSON.parse(body)`, `schema.parse(…)`,
 * `jwt.verify(…)`): what failed is the request, and the message says how.
 */
function answersBadInput(tryStatement: TryStatement | undefined, status: Node | undefined): boolean {
  if (tryStatement === undefined || !isClientError(status)) return false;
  const calls: string[] = [];
  walk(tryStatement.block, (node) => {
    if (node.type === 'CallExpression' || node.type === 'NewExpression') calls.push(calleeName(node.callee));
  });
  return calls.length > 0 && calls.every((callee) => INPUT_CHECK.test(callee));
}

function calleeName(callee: Node): string {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return '';
}

function textOf(node: Node, source: string): string {
  return node.start == null || node.end == null ? '' : source.slice(node.start, node.end);
}
