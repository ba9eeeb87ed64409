/** The file's own style, which inserted code follows: quotes, indentation, and what names an operation. */
import path from 'node:path';
import type { PythonNode } from './parser.js';

/** The quote most of the file's plain strings use; double (Black's and Ruff's) when it has none. */
export function preferredQuote(root: PythonNode): '"' | "'" {
  let single = 0;
  let double = 0;
  for (const start of root.descendantsOfType('string_start')) {
    const text = start?.text.replace(/^[a-zA-Z]*/, '');
    if (text === "'") single++;
    else if (text === '"') double++;
  }
  return single > double ? "'" : '"';
}

/** `text` as a Python string literal in `quote`. */
export function quoted(text: string, quote: '"' | "'"): string {
  return `${quote}${text.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
}

/** The file's indentation step: a tab, or the smallest indentation of its indented lines (four spaces when it has none). */
export function indentUnit(source: string): string {
  let smallest: string | undefined;
  for (const line of source.split('\n')) {
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (indent === '' || line.trim() === '') continue;
    if (indent.startsWith('\t')) return '\t';
    if (smallest === undefined || indent.length < smallest.length) smallest = indent;
  }
  return smallest ?? '    ';
}

/** The indentation of the line holding `offset`. */
export function indentationAt(source: string, offset: number): string {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(start))?.[0] ?? '';
}

export function lineEnding(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * What a report names as the operation: the nearest enclosing named function, as `Class.method` for
 * a method; at module level, the module (its folder for an `__init__.py`).
 */
export function operationName(node: PythonNode, filePath: string): string {
  for (let current = node.parent; current !== null; current = current.parent) {
    if (current.type !== 'function_definition') continue;
    const name = current.childForFieldName('name')?.text;
    if (name === undefined) continue;
    const owner = classOwning(current);
    return owner === undefined ? name : `${owner}.${name}`;
  }
  const base = path.basename(filePath).replace(/\.py$/i, '');
  return base === '__init__' ? path.basename(path.dirname(filePath)) : base;
}

/** The class whose body defines `fn` directly (through decorators), if any. */
function classOwning(fn: PythonNode): string | undefined {
  let parent = fn.parent;
  if (parent?.type === 'decorated_definition') parent = parent.parent;
  if (parent?.type !== 'block' || parent.parent?.type !== 'class_definition') return undefined;
  return parent.parent.childForFieldName('name')?.text;
}
