/**
 * `raise Exception("User not found")` says what happened only in words: every handler has to catch
 * everything to catch it, and every one ends up a 500. The catalog's `mappings` (message pattern to
 * class, first match wins, only those its owner enabled) say which catalog class such a message
 * means, and the fix raises it: `raise NotFoundError("User not found", expose=False)`. The message
 * stays internal (clients see the class's public message) unless the mapping says `expose`.
 *
 * Never mapped: assertions and programmer errors (a "should not happen" message, a `case _:`
 * branch, a raise after an `isinstance` check), an exception raised with more than a message, and
 * one raised where the function reads or sends a `code` or `status`, which a new class would change.
 */
import type { Finding, FixResult, KitLocation, TextEdit } from '../types.js';
import { mappedClassFor } from '../javascript/lib/message-mapping.js';
import { pythonFinding, withoutSuppressedPython } from './lib/findings.js';
import { bindsName } from './lib/imports.js';
import { kitNameAt } from './lib/kit.js';
import { enclosingFunction } from './lib/nodes.js';
import type { PythonNode } from './lib/parser.js';
import type { PythonContext, PythonRuleMeta } from './types.js';
import { PROGRAMMER_MESSAGE } from '../shared/programmer-message.js';

export const meta: PythonRuleMeta = {
  id: 'generic-exception',
  title: 'Generic Exception raised',
  description: "raises the catalog class a message describes instead of Exception, by the catalog's enabled mappings",
  // The raised class, and with it the code and the HTTP status handlers answer with, changes.
  changesBehaviour: true,
  severity: 'warning',
  messages: {
    mapped: 'A generic exception is raised where the catalog has a class for its message.',
    unmapped: 'A generic exception is raised; raise a specific class (the catalog has none for this message).',
    programmerError: 'A generic exception reports a programming mistake, not a domain failure.',
  },
  docs: 'docs/rules/python/generic-exception.md',
  equivalents: ['TRY002', 'W0719'],
  pylintNames: ['broad-exception-raised'],
};

export function mightMatch(source: string): boolean {
  return source.includes('raise') && source.includes('Exception');
}

const GENERIC = new Set(['Exception', 'BaseException']);

type Plan = { kind: 'fix'; className: string; expose: boolean } | { kind: 'unmapped' | 'programmer-error' | 'unfixable'; reason: string };

interface Site {
  raise: PythonNode;
  /** The class as written: `Exception` in `raise Exception(…)`. */
  callee: PythonNode;
  call: PythonNode | undefined;
  plan: Plan;
}

/** Stands for each part of a message computed at run time: a character no pattern is written to match. */
const RUN_TIME_PART = '\u0000';

/** The message as the code spells it: a string's literal parts, each interpolation standing apart. */
function fixedText(node: PythonNode): string | undefined {
  if (node.type === 'string') {
    if (/^[a-zA-Z]*[bB]/.test(node.text)) return undefined;
    return node.namedChildren
      .map((part) => (part?.type === 'string_content' ? part.text : part?.type === 'interpolation' ? RUN_TIME_PART : ''))
      .join('');
  }
  if (node.type === 'concatenated_string') {
    const parts = node.namedChildren.map((part) => (part === null ? undefined : fixedText(part)));
    return parts.some((part) => part === undefined) ? undefined : parts.join('');
  }
  // `"%s not found" % name` and `"{} not found".format(name)`: the format's literal parts.
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '%') {
    const left = node.childForFieldName('left');
    return left === null ? undefined : fixedText(left)?.replace(/%[-#0 +]*\d*(?:\.\d+)?[sdrifgx]/g, RUN_TIME_PART);
  }
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
    if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'format' && object !== null) {
      return fixedText(object)?.replace(/\{[^{}]*\}/g, RUN_TIME_PART);
    }
  }
  return undefined;
}


const STATUS_ATTRIBUTES = new Set(['code', 'status', 'status_code', 'http_status']);

function programmerErrorReason(message: string, raise: PythonNode): string | undefined {
  if (PROGRAMMER_MESSAGE.test(message)) return 'the message describes a broken invariant (a bug), which no client caused';
  for (let current = raise.parent; current !== null; current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'class_definition') break;
    if (current.type === 'case_clause') {
      const pattern = current.namedChildren.find((child) => child?.type === 'case_pattern');
      if (pattern !== undefined && pattern !== null && pattern.text.trim() === '_') return 'it is raised from a `case _:` branch, which catches cases the code does not expect: a bug, not a client error';
    }
    if (current.type === 'if_statement' || current.type === 'elif_clause') {
      const condition = current.childForFieldName('condition');
      if (condition !== null && condition.descendantsOfType('call').some((call) => call?.childForFieldName('function')?.text === 'isinstance' || call?.childForFieldName('function')?.text === 'issubclass')) {
        return 'it is raised after a type check of a value, which reports a caller passing the wrong kind of argument: a bug, not a client error';
      }
    }
  }
  return undefined;
}

/** The function around the raise reads or sends a `code` or `status`, which a catalog class would change. */
function readsStatus(raise: PythonNode, root: PythonNode): boolean {
  const scope = enclosingFunction(raise) ?? root;
  return scope.descendantsOfType('attribute').some((attribute) => STATUS_ATTRIBUTES.has(attribute?.childForFieldName('attribute')?.text ?? ''));
}

function planFor(raise: PythonNode, call: PythonNode | undefined, ctx: PythonContext): Plan {
  const args = call?.childForFieldName('arguments');
  const given = (args?.namedChildren ?? []).filter((arg): arg is PythonNode => arg !== null && arg.type !== 'comment');
  if (given.length === 0) return { kind: 'unmapped', reason: 'the exception has no message for the mappings to judge' };
  const message = given[0] as PythonNode;
  const text = fixedText(message);
  if (text === undefined) return { kind: 'unmapped', reason: `the message \`${shorten(message.text)}\` is not a string the mappings can judge` };
  if (text.split(RUN_TIME_PART).every((part) => part.trim() === '')) return { kind: 'unmapped', reason: 'the message is computed entirely at run time, so no mapping can judge it' };
  const mistake = programmerErrorReason(text, raise);
  if (mistake !== undefined) return { kind: 'programmer-error', reason: mistake };
  const kit = ctx.kit;
  if (kit === undefined) return { kind: 'unmapped', reason: 'there is no catalog whose mappings could name a class' };
  const mapped = mappedClassFor(text, { mappings: kit.mappings, errorClasses: kit.errorClasses } as KitLocation);
  if (mapped.kind === 'none') return { kind: 'unmapped', reason: 'no enabled mapping in the catalog matches the message; add one to faultline.catalog.json to map it' };
  if (mapped.kind === 'unknown-class') return { kind: 'unfixable', reason: `the catalog maps /${mapped.pattern}/ to ${mapped.name}, which is not one of its errors — fix the mapping (\`faultline check\` explains)` };
  if (given.length > 1) return { kind: 'unfixable', reason: 'the exception is raised with more than a message, which a catalog class does not take; map it by hand' };
  if (message.type === 'list_splat' || message.type === 'keyword_argument') return { kind: 'unfixable', reason: 'the message is not a plain argument; map it by hand' };
  if (readsStatus(raise, ctx.root)) return { kind: 'unfixable', reason: 'the code around it reads or sends a `code` or `status`, which a catalog class would change' };
  if (kitNameAt(kit, ctx.filePath, ctx.root, mapped.name, enclosingFunction(raise) ?? ctx.root) === undefined) return { kind: 'unfixable', reason: `\`${mapped.name}\` names something else in this file; raise the kit's by hand` };
  if (ctx.kit?.profile === 'library') return { kind: 'unfixable', reason: "a library's callers catch what it raises today; a new class is a change of its API, made by hand" };
  return { kind: 'fix', className: mapped.name, expose: mapped.expose };
}

function shorten(code: string): string {
  const line = code.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 37)}…` : line;
}

function sitesOf(ctx: PythonContext): Site[] {
  const shadowed = new Set([...GENERIC].filter((name) => bindsName(ctx.root, name)));
  const sites: Site[] = [];
  for (const raise of ctx.root.descendantsOfType('raise_statement')) {
    const raised = raise?.namedChild(0);
    if (raise === null || raised === null || raised === undefined) continue;
    const call = raised.type === 'call' ? raised : undefined;
    const callee = call?.childForFieldName('function') ?? raised;
    if (callee.type !== 'identifier' || !GENERIC.has(callee.text) || shadowed.has(callee.text)) continue;
    sites.push({ raise, callee, call, plan: planFor(raise, call, ctx) });
  }
  return sites;
}

export function detect(ctx: PythonContext): Finding[] {
  const findings = sitesOf(ctx).map(({ raise, plan }) => {
    if (plan.kind === 'fix') return pythonFinding(meta, 'mapped', raise, ctx, { fixable: true });
    if (plan.kind === 'programmer-error') return pythonFinding(meta, 'programmerError', raise, ctx, { fixable: false, reason: plan.reason, severity: 'info' });
    return pythonFinding(meta, plan.kind === 'unfixable' ? 'mapped' : 'unmapped', raise, ctx, { fixable: false, reason: plan.reason });
  });
  return withoutSuppressedPython(findings, meta, ctx);
}

export function fix(ctx: PythonContext, findings: Finding[]): FixResult {
  const wanted = new Set(findings.filter((finding) => finding.fixable).map((finding) => finding.start));
  const edits: TextEdit[] = [];
  for (const { raise, callee, call, plan } of sitesOf(ctx)) {
    if (plan.kind !== 'fix' || call === undefined || !wanted.has(raise.startIndex)) continue;
    const className = ctx.useKit?.(plan.className, enclosingFunction(raise) ?? ctx.root);
    if (className === undefined) continue;
    edits.push({ start: callee.startIndex, end: callee.endIndex, text: className });
    if (!plan.expose) {
      const args = call.childForFieldName('arguments') as PythonNode;
      const message = args.namedChildren.find((arg) => arg !== null && arg.type !== 'comment') as PythonNode;
      edits.push({ start: message.endIndex, end: message.endIndex, text: ', expose=False' });
    }
  }
  return { edits };
}
