/**
 * console-in-catch: `console.error('Failed', err)` in a catch block prints text that loses the error's
 * structure (and often its stack, when only `err.message` is printed). The fix logs the whole error
 * through the kit's structured logger under pino's `err` key: `logger.error({ err }, 'Failed')`.
 */
import type { CallExpression, CatchClause, File, Node } from '@babel/types';
import { enclosingCatchBody, operationName } from './lib/catch-helpers.js';
import { CONSOLE_LEVELS, isConsoleMethod } from './lib/console-calls.js';
import { isDerivedFromError, mentions } from './lib/error-expressions.js';
import { findingAt, withoutSuppressed } from './lib/findings.js';
import { ownLoggerOf, projectLoggerReason } from './lib/own-logger.js';
import { hasPlaceholders, isTextExpression, messagePieces, renderMessage, type Piece } from './lib/log-message.js';
import { endOf, startOf } from './lib/range.js';
import { preferredQuoteOf, quoteString } from './lib/source-style.js';
import { toJscodeshift } from './lib/standalone.js';
import { walk } from './lib/walk.js';
import { detectAlone, walkWithVisitors } from './lib/shared-walk.js';
import type { Finding, FixResult, NodeVisitors, SharedDetection, TextEdit, TransformContext, TransformMeta } from '../types.js';
import { mayHaveCatchClause, sourceHas } from './lib/source-words.js';

export const meta: TransformMeta = {
  id: 'console-in-catch',
  title: 'Log caught errors through the structured logger',
  description: 'Turns console calls in catch blocks into logger calls that carry the whole error object.',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    consoleLogsError: 'The caught error is printed with console; log the whole error object with the structured logger.',
    consoleInCatch: 'console call in a catch block; the structured logger keeps context and the error with it.',
  },
  docs: 'docs/transforms/console-in-catch.md',
};

/** Profiles whose console output is not a log: a CLI talks to its user, a library has no logger. */
const PROFILE_REASONS: Partial<Record<'service' | 'cli' | 'library', string>> = {
  cli: "a command-line tool's console output is what it tells its user, so it stays as written",
  library: "a library's console output is part of what it does for its callers, and a library has no logger of its own",
};

const SCRIPT_REASON = "this file is a script someone runs by hand, and its console output is what it tells them";

/** Folders whose files are run by hand: tools, seeds, one-off jobs. */
const SCRIPT_FOLDER = /(^|[\\/])(bin|scripts?|tools|seeds?|prisma|migrations)[\\/]/;

/**
 * A script talks to whoever runs it, like a CLI: a file with a shebang, in a folder of scripts, or
 * one that runs itself (`main()` at its top level, calling a function it declares).
 */
function isScript(ast: File, source: string, filePath: string): boolean {
  if (source.startsWith('#!') || SCRIPT_FOLDER.test(filePath)) return true;
  const declared = new Set<string>();
  for (const statement of ast.program.body) {
    if (statement.type === 'FunctionDeclaration' && statement.id) declared.add(statement.id.name);
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (declarator.id.type === 'Identifier' && (init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression')) declared.add(declarator.id.name);
      }
    }
  }
  return ast.program.body.some((statement) => {
    if (statement.type !== 'ExpressionStatement') return false;
    let expression: Node = statement.expression;
    if (expression.type === 'AwaitExpression' || expression.type === 'UnaryExpression') expression = expression.argument;
    // `main().then(…).catch(…)` and `main()` alike.
    while (expression.type === 'CallExpression' && expression.callee.type === 'MemberExpression') expression = expression.callee.object;
    return expression.type === 'CallExpression' && expression.callee.type === 'Identifier' && declared.has(expression.callee.name);
  });
}

/** The key pino's error serializer looks for. */
const ERROR_KEY = 'err';

export function mightMatch(source: string): boolean {
  return mayHaveCatchClause(source) && sourceHas(source, 'console');
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  return detectAlone(detectShared(ctx), ctx.ast);
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  const { visitors, calls } = consoleCallCollector();
  const ownLogger = ownLoggerOf(ctx.ast, ctx.source);
  const profileReason =
    (ctx.kit.profile === undefined ? undefined : PROFILE_REASONS[ctx.kit.profile]) ??
    (isScript(ctx.ast, ctx.source, ctx.filePath) ? SCRIPT_REASON : undefined) ??
    (ownLogger === undefined ? undefined : `this file logs through its own \`${ownLogger}\`; move the call there by hand (and name that logger in the catalog, target.logger "project", so the kit writes through it too)`);
  // Evaluated only when a call is found: looking for the project's logger reads other files.
  const projectReason = (): string | undefined => (calls.length === 0 ? undefined : projectLoggerReason(ctx.kit));
  const findings = (): Finding[] => {
    const leftAlone = profileReason ?? projectReason();
    const all = calls.map((call) => {
      if (leftAlone !== undefined) return findingAt(meta, 'consoleInCatch', call.node, { fixable: false, reason: leftAlone, severity: 'info' });
      const plan = planRewrite(call, ctx.source, ctx.filePath);
      if (plan.kind === 'unrelated') {
        return findingAt(meta, 'consoleInCatch', call.node, { fixable: false, reason: plan.reason, severity: 'info' });
      }
      if (plan.kind === 'unsafe') return findingAt(meta, 'consoleLogsError', call.node, { fixable: false, reason: plan.reason });
      return findingAt(meta, 'consoleLogsError', call.node, { fixable: true });
    });
    return withoutSuppressed(all, ctx.ast, meta.id);
  };
  return { visitors, findings };
}

export function fix(ctx: TransformContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable && finding.ruleId === meta.id).map((finding) => finding.start));
  if (wanted.size === 0) return { edits: [] };
  const edits: TextEdit[] = [];
  for (const call of consoleCalls(ctx.ast)) {
    if (!wanted.has(startOf(call.node))) continue;
    const plan = planRewrite(call, ctx.source, ctx.filePath);
    if (plan.kind !== 'rewrite') continue;
    const logger = ctx.useKitExport('logger');
    edits.push({ start: startOf(call.node), end: endOf(call.node), text: `${logger}.${plan.level}(${plan.fields}, ${plan.message})` });
  }
  return { edits };
}

interface ConsoleCall {
  node: CallExpression;
  method: string;
  clause: CatchClause;
  ancestors: Node[];
}

/** `console.<method>(…)` calls that run in a catch block (in its body, or a callback defined there). */
function consoleCallCollector(): { visitors: NodeVisitors; calls: ConsoleCall[] } {
  const calls: ConsoleCall[] = [];
  const visitors: NodeVisitors = {
    CallExpression(node, ancestors) {
      const callee = node.callee;
      if (!isConsoleMethod(callee)) return;
      const clause = enclosingCatchBody(ancestors, node, true);
      if (clause === undefined) return;
      calls.push({ node, method: callee.property.name, clause, ancestors: [...ancestors] });
    },
  };
  return { visitors, calls };
}

function consoleCalls(ast: File): ConsoleCall[] {
  const { visitors, calls } = consoleCallCollector();
  walkWithVisitors(ast, [visitors]);
  return calls;
}

type Plan =
  | { kind: 'rewrite'; level: string; fields: string; message: string }
  | { kind: 'unsafe'; reason: string }
  | { kind: 'unrelated'; reason: string };

function planRewrite(call: ConsoleCall, source: string, filePath: string): Plan {
  const param = call.clause.param;
  if (param == null) return { kind: 'unrelated', reason: 'the catch does not bind the error, so this call cannot log it' };
  if (param.type !== 'Identifier') {
    const destructured = [...boundNames(param)].some((name) => mentions(call.node, name));
    return destructured
      ? { kind: 'unsafe', reason: 'the catch destructures the error, so the whole error is not available to log; bind it to a name' }
      : { kind: 'unrelated', reason: 'this call does not mention the caught error' };
  }
  const errorName = param.name;
  if (!mentions(call.node, errorName)) return { kind: 'unrelated', reason: `this call does not mention the caught error \`${errorName}\`` };

  const texts: Piece[][] = [];
  const fields = new Map<string, string>([[ERROR_KEY, errorName === ERROR_KEY ? ERROR_KEY : `${ERROR_KEY}: ${errorName}`]]);
  let quote: "'" | '"' | undefined;
  for (const [index, argument] of call.node.arguments.entries()) {
    const code = source.slice(startOf(argument), endOf(argument));
    if (argument.type === 'SpreadElement') return { kind: 'unsafe', reason: `the spread argument \`${code}\` cannot be given a name in the log object` };
    if (isTextExpression(argument)) {
      const outcome = messagePieces(argument, source, errorName);
      if (!outcome.ok) return { kind: 'unsafe', reason: outcome.reason };
      if (index === 0 && hasPlaceholders(outcome.pieces)) {
        return { kind: 'unsafe', reason: 'the message has printf-style placeholders filled from later arguments' };
      }
      if (argument.type === 'StringLiteral') quote ??= source[startOf(argument)] === '"' ? '"' : "'";
      texts.push(outcome.pieces);
      continue;
    }
    if (isDerivedFromError(argument, errorName)) continue;
    if (mentions(argument, errorName)) return { kind: 'unsafe', reason: `\`${code}\` computes something from the error` };
    const key = fieldName(argument);
    if (key === undefined) return { kind: 'unsafe', reason: `the argument \`${code}\` cannot be given a name in the log object` };
    if (fields.has(key)) return { kind: 'unsafe', reason: `two values would share the key \`${key}\` in the log object` };
    fields.set(key, key === code ? key : `${key}: ${code}`);
  }

  const operation = operationName(call.ancestors, filePath);
  const chosenQuote = quote ?? preferredQuoteOf(source);
  // The logger wants a message; when the original printed only the error, where it happened says most.
  const message = renderMessage(texts, chosenQuote) ?? quoteString(`${operation} failed`, chosenQuote);
  return { kind: 'rewrite', level: CONSOLE_LEVELS[call.method] ?? 'error', fields: `{ ${[...fields.values()].join(', ')} }`, message };
}

/** The key a value gets in the log object: a variable's name, or a property's (`user.id` → `id`). */
function fieldName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name === 'undefined' ? undefined : node.name;
  if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed) {
    if (node.property.type !== 'Identifier') return undefined;
    return isPlainPath(node.object) ? node.property.name : undefined;
  }
  return undefined;
}

function isPlainPath(node: Node): boolean {
  if (node.type === 'Identifier' || node.type === 'ThisExpression') return true;
  if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed) return isPlainPath(node.object);
  return false;
}

function boundNames(pattern: Node): Set<string> {
  const names = new Set<string>();
  walk(pattern, (node, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    if (node.type === 'Identifier' && !(parent?.type === 'ObjectProperty' && parent.key === node && !parent.shorthand)) {
      names.add(node.name);
    }
  });
  return names;
}

export default toJscodeshift({ meta, mightMatch, detect, fix, detectShared });
