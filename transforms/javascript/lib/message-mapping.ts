import type { Node } from '@babel/types';
import type { KitLocation } from '../../types.js';
import { isTextExpression } from './log-message.js';

/**
 * Choosing a catalog class for an error by its message: the catalog's `mappings` (message pattern to
 * class, first match wins), as `domain-errors` and `throw-literal` both apply them.
 */

export type FixedText = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Stands for each `${…}` of a template when rules are tested: a character no message pattern is
 * written to match, so a rule matches only what the code spells out.
 */
const RUN_TIME_PART = '\u0000';

/**
 * The text of a message as the code spells it: a string literal's value, or a template's (or a
 * concatenation's) literal parts, with each part computed at run time standing apart. Anything else
 * cannot be judged without running the code.
 */
export function fixedTextOf(node: Node, source: string): FixedText {
  if (node.type === 'StringLiteral') return { ok: true, text: node.value };
  if (node.type === 'TemplateLiteral' || isTextExpression(node)) {
    const parts: string[] = [];
    collectParts(node, parts);
    if (parts.every((part) => part === RUN_TIME_PART || part === '')) {
      return { ok: false, reason: 'the message is computed entirely at run time, so no rule can judge it' };
    }
    return { ok: true, text: parts.join('') };
  }
  const code = source.slice(node.start ?? 0, node.end ?? 0);
  return { ok: false, reason: `the message \`${shorten(code)}\` is not a string literal or template, so no rule can judge it` };
}

function collectParts(node: Node, parts: string[]): void {
  if (node.type === 'StringLiteral') {
    parts.push(node.value);
  } else if (node.type === 'TemplateLiteral') {
    node.quasis.forEach((quasi, index) => {
      parts.push(quasi.value.cooked ?? quasi.value.raw);
      if (index < node.expressions.length) parts.push(RUN_TIME_PART);
    });
  } else if (node.type === 'BinaryExpression' && node.operator === '+') {
    collectParts(node.left, parts);
    collectParts(node.right, parts);
  } else {
    parts.push(RUN_TIME_PART);
  }
}

/** What the catalog's mappings say about a message. */
export type MappedClass =
  | { kind: 'class'; name: string; pattern: string; expose: boolean }
  /** A rule matched, but names a class the catalog does not have (the catalog check reports it). */
  | { kind: 'unknown-class'; name: string; pattern: string }
  | { kind: 'none' };

type CompiledMapping = { regex: RegExp; pattern: string; error: string; expose: boolean };

const compiled = new WeakMap<KitLocation['mappings'], CompiledMapping[]>();

/** The first enabled mapping whose pattern matches `text`, as the catalog orders them. */
export function mappedClassFor(text: string, kit: KitLocation): MappedClass {
  for (const mapping of compiledMappings(kit.mappings)) {
    if (!mapping.regex.test(text)) continue;
    if (!kit.errorClasses.includes(mapping.error)) return { kind: 'unknown-class', name: mapping.error, pattern: mapping.pattern };
    return { kind: 'class', name: mapping.error, pattern: mapping.pattern, expose: mapping.expose };
  }
  return { kind: 'none' };
}

function compiledMappings(mappings: KitLocation['mappings']): CompiledMapping[] {
  const cached = compiled.get(mappings);
  if (cached) return cached;
  const result: CompiledMapping[] = [];
  for (const mapping of mappings) {
    // A proposal waits for the catalog's owner to enable it.
    if (mapping.disabled === true) continue;
    // `g` and `y` would make `test` remember where it stopped, so the same message could match once and not twice.
    const flags = (mapping.flags ?? '').replace(/[gy]/g, '');
    try {
      result.push({ regex: new RegExp(mapping.pattern, flags), pattern: mapping.pattern, error: mapping.error, expose: mapping.expose === true });
    } catch {
      // `faultline check` reports an invalid pattern; a rule that cannot run matches nothing.
    }
  }
  compiled.set(mappings, result);
  return result;
}

/** A one-line excerpt of code for a reason. */
export function shorten(code: string): string {
  const line = code.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 37)}…` : line;
}
