/**
 * error-message-only-logged: `logger.error(err.message)` or ``log(`${err}`)`` writes the error as
 * one line of text. The stack (where it happened), the cause chain and any fields the error carries
 * are gone from the log, which is where someone will look for them.
 * Console calls inside catch blocks are `console-in-catch`'s findings (which `migrate` fixes) and are
 * not reported again.
 */
import type { CallExpression, Node } from '@babel/types';
import { isConsoleMethod } from '../lib/console-calls.js';
import { mentions, withoutTypeWrappers } from '../lib/error-expressions.js';
import { findingAt, withoutSuppressed } from '../lib/findings.js';
import { followedAfterGap } from '../lib/code-gaps.js';
import { sourceHas } from '../lib/source-words.js';
import type { Finding, SharedDetection, TransformContext, TransformMeta } from '../../types.js';
import { detectionOverSiteIndex, LOG_METHODS, LOGGER_NAME, siteIndexOf, type LogCallSite } from './site-index.js';

export const meta: TransformMeta = {
  id: 'error-message-only-logged',
  title: 'Log the error, not only its message',
  description: 'Reports log calls that turn an error into text (`err.message`, `${err}`), which loses its stack and cause.',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    messageOnly: 'Only the error\'s text is logged, losing its stack and cause; log the error object, e.g. `logger.error({ err }, \'what failed\')`.',
  },
  docs: 'docs/rules/error-message-only-logged.md',
};

/** Names that, by convention, hold an error: `e`, `err`, `error`, `ex`, `exception`, `dbError`, `parseErr`. */
const ERROR_NAME = /^(?:e|err|error|ex|exc|exception)$|[a-z0-9_](?:Err|Error)$/;


/**
 * What `isLogCallee` needs in the text: a method with a level's name after a `.`, or a function named
 * `log`/`log<Something>`. A `\u` escape can spell either, so a file with escapes passes. Comments
 * between the `.` and the name are rare, and checked by a scan that stays linear on any text.
 */
const LOG_METHOD_NAMES = [...LOG_METHODS].join('|');
const LOG_CALL = new RegExp(String.raw`\.\s*(?:${LOG_METHOD_NAMES})\b|\blog(?:[A-Z][\w$]*)?\b|\\u`);
const DOT_THEN_COMMENT = /\.\s*\/[/*]/;
const DOT = /\./g;
const LOG_METHOD = new RegExp(String.raw`(?:${LOG_METHOD_NAMES})\b`, 'y');

/**
 * A superset of `isLogCallee`: every logger name it accepts, in any case (`Logger.error`, `pino.warn`),
 * and a call that looks like logging. "log" is part of many words (`catalog`, `login`), so the name
 * alone let a seventh of the files of a typical dependency tree through to a parse that finds nothing.
 * The error side cannot narrow it: a parameter named `e` or `ex` counts as an error anywhere.
 */
export function mightMatch(source: string): boolean {
  // The call shape first: it rules out more files, and for less than the two name tests cost together.
  return mayCallLogMethod(source) && (sourceHas(source, 'console') || LOGGER_NAME.test(source));
}

function mayCallLogMethod(source: string): boolean {
  return LOG_CALL.test(source) || (DOT_THEN_COMMENT.test(source) && followedAfterGap(source, DOT, LOG_METHOD));
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  const findings: Finding[] = [];
  for (const site of siteIndexOf(ctx.ast).logCalls) {
    if (site.inCatchBody && isConsoleMethod(site.node.callee)) continue;
    if (logsOnlyText(site)) findings.push(findingAt(meta, 'messageOnly', site.node, { fixable: false }));
  }
  return withoutSuppressed(findings, ctx.ast, meta.id);
}

/** Some error is given to the call only as text, and not also whole (or with its stack) in another argument. */
function logsOnlyText(site: LogCallSite): boolean {
  const args = site.node.arguments;
  for (const name of errorNamesIn(site)) {
    const asText = args.filter((argument) => isErrorAsText(argument, name));
    if (asText.length === 0) continue;
    if (args.every((argument) => asText.includes(argument) || !mentions(argument, name))) return true;
  }
  return false;
}

/** Caught errors and rejection reasons in scope, and identifiers named like errors that the call reads. */
function errorNamesIn(site: LogCallSite): Set<string> {
  const names = new Set([...site.caughtNames, ...site.rejectionNames]);
  for (const argument of site.node.arguments) {
    for (const name of textSources(argument)) if (ERROR_NAME.test(name)) names.add(name);
  }
  return names;
}

/** Identifiers whose `.message` or string form an argument uses. */
function textSources(node: Node): string[] {
  switch (node.type) {
    case 'Identifier':
      return [node.name];
    case 'MemberExpression':
    case 'OptionalMemberExpression':
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
    case 'TSSatisfiesExpression': {
      const owner = messageOwner(node);
      return owner === undefined ? [] : [owner];
    }
    case 'TemplateLiteral':
      return node.expressions.flatMap(textSources);
    case 'BinaryExpression':
      return node.operator === '+' ? [...textSources(node.left), ...textSources(node.right)] : [];
    case 'CallExpression': {
      const converted = stringConverted(node);
      return converted === undefined ? [] : textSources(converted);
    }
    default:
      return [];
  }
}

/**
 * `err.message`, `String(err)`, `err.toString()`, `` `failed: ${err}` ``, `'failed: ' + err.message`:
 * the error reduced to its text, and nothing else taken from it.
 */
function isErrorAsText(node: Node, name: string, nested = false): boolean {
  switch (node.type) {
    case 'Identifier':
      // A bare error argument is logged whole; only inside a template or concatenation is it text.
      return nested && node.name === name;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
    case 'TSSatisfiesExpression':
      return messageOwner(node) === name;
    case 'TemplateLiteral':
      return (
        node.expressions.some((part) => isErrorAsText(part, name, true)) &&
        node.expressions.every((part) => isErrorAsText(part, name, true) || !mentions(part, name))
      );
    case 'BinaryExpression':
      if (node.operator !== '+' || node.left.type === 'PrivateName') return false;
      return (
        (isErrorAsText(node.left, name, true) || isErrorAsText(node.right, name, true)) &&
        (isErrorAsText(node.left, name, true) || !mentions(node.left, name)) &&
        (isErrorAsText(node.right, name, true) || !mentions(node.right, name))
      );
    case 'CallExpression': {
      const converted = stringConverted(node);
      return converted !== undefined && isErrorAsText(converted, name, true);
    }
    default:
      return false;
  }
}

/** `x` when the node is `x.message` (also `(x as Error).message`, `x?.message`, `x['message']`). */
function messageOwner(node: Node): string | undefined {
  const member = withoutTypeWrappers(node);
  if (member.type !== 'MemberExpression' && member.type !== 'OptionalMemberExpression') return undefined;
  const isMessage = member.computed
    ? member.property.type === 'StringLiteral' && member.property.value === 'message'
    : member.property.type === 'Identifier' && member.property.name === 'message';
  const owner = withoutTypeWrappers(member.object);
  return isMessage && owner.type === 'Identifier' ? owner.name : undefined;
}

/** The value `String(x)` or `x.toString()` converts, if the call is one of those. */
function stringConverted(call: CallExpression): Node | undefined {
  const callee = call.callee;
  const [first] = call.arguments;
  if (callee.type === 'Identifier' && callee.name === 'String' && call.arguments.length === 1 && first?.type !== 'SpreadElement') return first;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'toString' && call.arguments.length === 0) {
    return callee.object;
  }
  return undefined;
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  return detectionOverSiteIndex(ctx.ast, () => detect(ctx));
}
