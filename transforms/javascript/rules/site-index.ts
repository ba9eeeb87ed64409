/**
 * The nodes the audit-only rules look at, gathered in one walk per file and shared by every rule, so
 * adding a rule does not add a pass over the tree. Built on first use and kept with the tree, or
 * filled during the walk the engine shares between all modules.
 */
import type { AwaitExpression, CallExpression, CatchClause, File, Node, TryStatement } from '@babel/types';
import { isRejectionHandler } from '../lib/catch-helpers.js';
import { walkWithVisitors } from '../lib/shared-walk.js';
import { isFunctionNode } from '../lib/walk.js';
import type { Finding, NodeVisitors, SharedDetection } from '../../types.js';

export interface LogCallSite {
  node: CallExpression;
  /** Names bound by catch clauses whose body the call runs in (also through callbacks defined there). */
  caughtNames: string[];
  /** Names of first parameters of callbacks given to `.catch(…)` that the call runs in. */
  rejectionNames: string[];
  /** The call runs inside a catch body (possibly in a callback defined there). */
  inCatchBody: boolean;
}

export interface AwaitInTry {
  node: AwaitExpression;
  /** The innermost try with a catch whose block the await is in, within the same function. */
  tryStatement: TryStatement;
}

/**
 * A write of a response body (`res.json(…)`, `ctx.body = …`, `new Response(…)`) made while handling
 * an error: in a catch body, a `.catch(…)` handler, or an Express error middleware (`(err, req, res, next)`).
 */
export interface ResponseWriteSite {
  node: Node;
  /** The catch clause or the `.catch(…)` handler, innermost first, each with the name it binds. */
  handlers: Array<{ handler: CatchClause | Node; name: string }>;
  /** From the innermost handler's body down to the write (the write not included). */
  path: Node[];
}

export interface SiteIndex {
  catchClauses: CatchClause[];
  tryStatements: TryStatement[];
  /** Calls that look like logging (see `isLogCallee`). */
  logCalls: LogCallSite[];
  /** `await Promise.all(…)` inside a try block. */
  promiseAllAwaits: AwaitInTry[];
  /** Candidate response writes inside error handlers; `isResponseWrite` in the rule decides. */
  responseWrites: ResponseWriteSite[];
}

const indexes = new WeakMap<File, SiteIndex>();

export function siteIndexOf(ast: File): SiteIndex {
  let index = indexes.get(ast);
  if (index === undefined) {
    index = buildIndex(ast);
    indexes.set(ast, index);
  }
  return index;
}

/**
 * Visitors that fill this tree's index during a walk shared with other modules. Only the first rule
 * to ask gets them (the others get none and read the same index), so the index is filled once; read
 * it with `siteIndexOf` only after that walk.
 */
export function siteIndexVisitors(ast: File): NodeVisitors {
  if (indexes.has(ast)) return {};
  const index = emptyIndex();
  indexes.set(ast, index);
  return visitorsFilling(index);
}

/** A rule's detection over the site index, as a module of a shared walk. */
export function detectionOverSiteIndex(ast: File, findings: () => Finding[]): SharedDetection {
  return { visitors: siteIndexVisitors(ast), findings };
}

function emptyIndex(): SiteIndex {
  return { catchClauses: [], tryStatements: [], logCalls: [], promiseAllAwaits: [], responseWrites: [] };
}

function buildIndex(ast: File): SiteIndex {
  const index = emptyIndex();
  walkWithVisitors(ast, [visitorsFilling(index)]);
  return index;
}

function visitorsFilling(index: SiteIndex): NodeVisitors {
  return {
    CatchClause: (node) => {
      index.catchClauses.push(node);
    },
    TryStatement: (node) => {
      index.tryStatements.push(node);
    },
    CallExpression: (node, ancestors) => {
      if (isLogCallee(node.callee)) index.logCalls.push(logCallSite(node, ancestors));
      else if (mayWriteResponse(node)) addResponseWrite(index, node, ancestors);
    },
    NewExpression: (node, ancestors) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'Response') addResponseWrite(index, node, ancestors);
    },
    AssignmentExpression: (node, ancestors) => {
      const target = node.left;
      if (target.type === 'MemberExpression' && !target.computed && target.property.type === 'Identifier' && target.property.name === 'body') addResponseWrite(index, node, ancestors);
    },
    AwaitExpression: (node, ancestors) => {
      if (!isPromiseAll(node.argument)) return;
      const tryStatement = enclosingTryBlock(ancestors, node);
      if (tryStatement !== undefined) index.promiseAllAwaits.push({ node, tryStatement });
    },
  };
}

export const LOG_METHODS = new Set(['error', 'warn', 'warning', 'info', 'debug', 'trace', 'fatal', 'log', 'critical', 'notice']);
export const LOGGER_NAME = /log|pino|winston|bunyan|consola|signale/i;

/**
 * `console.error(…)`, `logger.warn(…)`, `this.log.info(…)`, `req.log.error(…)`, `log(…)`,
 * `logError(…)`: a method with a level's name on something named like a logger, or a function named
 * `log` or `log<Something>`.
 */
export function isLogCallee(callee: Node): boolean {
  if (callee.type === 'Identifier') return callee.name === 'log' || /^log[A-Z]/.test(callee.name);
  if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return false;
  if (callee.computed || callee.property.type !== 'Identifier' || !LOG_METHODS.has(callee.property.name)) return false;
  const owner = callee.object;
  if (owner.type === 'Identifier') return owner.name === 'console' || LOGGER_NAME.test(owner.name);
  if ((owner.type === 'MemberExpression' || owner.type === 'OptionalMemberExpression') && !owner.computed && owner.property.type === 'Identifier') {
    return LOGGER_NAME.test(owner.property.name);
  }
  // `getLogger().error(…)`, `logger.child({…}).warn(…)`
  if (owner.type === 'CallExpression' || owner.type === 'OptionalCallExpression') return isLoggerFactory(owner.callee);
  return false;
}

function isLoggerFactory(callee: Node): boolean {
  if (callee.type === 'Identifier') return LOGGER_NAME.test(callee.name);
  if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed && callee.property.type === 'Identifier') {
    return LOGGER_NAME.test(callee.property.name) || (callee.object.type === 'Identifier' && LOGGER_NAME.test(callee.object.name));
  }
  return false;
}

/** A catch body, or a function that handles an error, that a node runs in: innermost first. */
interface HandlerAround {
  kind: 'catch' | 'rejection' | 'middleware';
  handler: Node;
  /** The name the error is bound to, when it is a plain name. */
  name: string | undefined;
  /** Its position in the ancestors. */
  at: number;
}

function handlersAround(node: Node, ancestors: readonly Node[], middleware: boolean): HandlerAround[] {
  const found: HandlerAround[] = [];
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const ancestor = ancestors[i] as Node;
    const child = i + 1 < ancestors.length ? ancestors[i + 1] : node;
    let kind: HandlerAround['kind'] | undefined;
    let bound: Node | null | undefined;
    if (ancestor.type === 'CatchClause' && ancestor.body === child) {
      kind = 'catch';
      bound = ancestor.param;
    } else if (isFunctionNode(ancestor)) {
      kind = isRejectionHandler(ancestor, ancestors[i - 1]) ? 'rejection' : middleware && isErrorMiddleware(ancestor) ? 'middleware' : undefined;
      bound = (ancestor as { params: Node[] }).params[0];
    }
    if (kind !== undefined) found.push({ kind, handler: ancestor, name: bound?.type === 'Identifier' ? bound.name : undefined, at: i });
  }
  return found;
}

function logCallSite(node: CallExpression, ancestors: readonly Node[]): LogCallSite {
  const around = handlersAround(node, ancestors, false);
  const namesOf = (kind: HandlerAround['kind']) => around.flatMap((handler) => (handler.kind === kind && handler.name !== undefined ? [handler.name] : []));
  return { node, caughtNames: namesOf('catch'), rejectionNames: namesOf('rejection'), inCatchBody: around.some((handler) => handler.kind === 'catch') };
}

/** Methods that send a body: Express, Fastify, Node's http, Hono's context, `Response.json`. */
export const RESPONSE_METHODS = new Set(['json', 'jsonp', 'send', 'end', 'write', 'text', 'html']);

/** Names a response object goes by: Express and Node (`res`), Fastify (`reply`). */
export const RESPONSE_NAMES = new Set(['res', 'resp', 'response', 'reply', 'rep']);

/** `res.json(…)` and the like, or a helper handed the response: `respond({ res, … })`, `sendError(res, …)`. */
function mayWriteResponse(node: CallExpression): boolean {
  const callee = node.callee;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && RESPONSE_METHODS.has(callee.property.name)) return true;
  return node.arguments.some((argument) => isResponseName(argument) || (argument.type === 'ObjectExpression' && argument.properties.some((property) => property.type === 'ObjectProperty' && isResponseName(property.value))));
}

function isResponseName(node: Node): boolean {
  return node.type === 'Identifier' && RESPONSE_NAMES.has(node.name);
}

/** Records the write when it runs while handling an error, with the handlers around it. */
function addResponseWrite(index: SiteIndex, node: Node, ancestors: readonly Node[]): void {
  const named = handlersAround(node, ancestors, true).filter((handler) => handler.name !== undefined);
  const innermost = named[0];
  if (innermost === undefined) return;
  const handlers = named.map(({ handler, name }) => ({ handler, name: name as string }));
  index.responseWrites.push({ node, handlers, path: ancestors.slice(innermost.at + 1) });
}

/** Express calls a function of four parameters with the error first, as its error handler. */
function isErrorMiddleware(fn: Node): boolean {
  const params = (fn as { params: Node[] }).params;
  const first = params[0];
  return params.length === 4 && params.every((param) => param.type === 'Identifier') && first?.type === 'Identifier' && /^(?:e|err|error|ex|exception)$|Err(?:or)?$/.test(first.name);
}

function isPromiseAll(node: Node | null | undefined): boolean {
  if (node == null || node.type !== 'CallExpression') return false;
  const callee = node.callee;
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'Promise' &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'all'
  );
}

function enclosingTryBlock(ancestors: readonly Node[], node: Node): TryStatement | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const ancestor = ancestors[i] as Node;
    if (isFunctionNode(ancestor)) return undefined;
    const child = i + 1 < ancestors.length ? ancestors[i + 1] : node;
    // A try without a catch lets the rejection through to the next try out.
    if (ancestor.type === 'TryStatement' && ancestor.block === child && ancestor.handler != null) return ancestor;
  }
  return undefined;
}
