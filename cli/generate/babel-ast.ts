/**
 * Parsing and walking for the module converters. @babel/parser keeps exact source offsets
 * on every node, which the converters need to edit the text in place.
 */
import type * as BabelParser from '@babel/parser';
import type * as t from '@babel/types';
import { lazyRequire } from '../lazy-require.js';
import { ConversionError } from './conversion-error.js';

const loadParser = lazyRequire<typeof BabelParser>('@babel/parser');

export type { t };

export interface ParseOptions {
  typescript: boolean;
}

export function parseModule(source: string, fileName: string, options: ParseOptions): t.File {
  const jsx = /\.[jt]sx$/.test(fileName);
  try {
    return loadParser().parse(source, {
      sourceType: 'module',
      // Parentheses become nodes so a rewrite never separates an expression from its own parentheses.
      createParenthesizedExpressions: true,
      attachComment: true,
      plugins: [...(options.typescript ? (['typescript'] as const) : []), ...(jsx ? (['jsx'] as const) : [])],
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConversionError(`${fileName}: cannot parse the module (${reason}).`);
  }
}

const nonChildKeys = new Set(['loc', 'start', 'end', 'range', 'extra', 'leadingComments', 'trailingComments', 'innerComments', 'comments', 'tokens']);

/** Calls `visit` for each direct child node, in source order of the node's fields. */
export function forEachChild(node: t.Node, visit: (child: t.Node, key: string) => void): void {
  for (const [key, value] of Object.entries(node)) {
    if (nonChildKeys.has(key) || value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, key);
    } else if (isNode(value)) {
      visit(value, key);
    }
  }
}

function isNode(value: unknown): value is t.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function startOf(node: t.Node | t.Comment): number {
  if (typeof node.start !== 'number') throw new Error(`${node.type} has no source position`);
  return node.start;
}

export function endOf(node: t.Node | t.Comment): number {
  if (typeof node.end !== 'number') throw new Error(`${node.type} has no source position`);
  return node.end;
}

export function lineOf(node: t.Node | t.Comment): number {
  return node.loc?.start.line ?? 0;
}

/** The whitespace a line starts with, when `position` is the first non-blank character on it. */
export function indentationAt(source: string, position: number): string | undefined {
  let lineStart = position;
  while (lineStart > 0 && source[lineStart - 1] !== '\n') lineStart--;
  const before = source.slice(lineStart, position);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** Names bound by a declaration's pattern: `a`, `{ b, c: d }`, `[e, ...f]`. */
export function patternNames(pattern: t.Node): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) =>
        property.type === 'RestElement' ? patternNames(property.argument) : patternNames(property.value),
      );
    case 'ArrayPattern':
      return pattern.elements.flatMap((element) => (element ? patternNames(element) : []));
    case 'RestElement':
      return patternNames(pattern.argument);
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    default:
      return [];
  }
}

/** A parsed module with what every converter step needs next to its AST. */
export interface SourceFile {
  fileName: string;
  text: string;
  /** Every comment in the file, in source order. */
  comments: t.Comment[];
}
