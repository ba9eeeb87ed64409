/**
 * Additions to a JSON file of the user's (package.json, a coverage config) that leave every other
 * byte as it was: arrays the user wrote on one line stay on one line, indentation and key order
 * stay. Serializing the parsed object again would reflow the whole file, so the additions are
 * inserted as text at the positions jsonc-parser's tree gives.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

/** Sets `path` to `value` when it is missing, creating missing parent objects; an existing value is left alone. */
export function addJsonProperty(text: string, path: string[], value: unknown): string {
  const root = parseTree(text);
  if (root?.type !== 'object') throw new Error('not a JSON object');
  let parent = root;
  for (let depth = 0; depth < path.length; depth++) {
    const existing = findNodeAtLocation(root, path.slice(0, depth + 1));
    if (existing === undefined) {
      const rest = path.slice(depth + 1).reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
      return insertMember(text, parent, path[depth]!, rest);
    }
    if (depth === path.length - 1) return text;
    if (existing.type !== 'object') throw new Error(`${path.slice(0, depth + 1).join('.')} is not an object`);
    parent = existing;
  }
  return text;
}

/** Appends `value` to the array at `path` (creating it when missing), unless the array already holds it. */
export function appendJsonArrayItem(text: string, path: string[], value: unknown): string {
  const root = parseTree(text);
  const array = root ? findNodeAtLocation(root, path) : undefined;
  if (array === undefined) return addJsonProperty(text, path, [value]);
  if (array.type !== 'array') throw new Error(`${path.join('.')} is not an array`);
  const items = array.children ?? [];
  if (items.some((item) => JSON.stringify(valueOf(text, item)) === JSON.stringify(value))) return text;
  const last = items[items.length - 1];
  const layout = layoutOf(text);
  if (last === undefined) return splice(text, array.offset, array.length, JSON.stringify([value]));
  const end = last.offset + last.length;
  if (!text.slice(array.offset, array.offset + array.length).includes('\n')) {
    // Items written on one line get the new one on that line, after the separator they use.
    const previous = items[items.length - 2];
    const separator = previous ? text.slice(previous.offset + previous.length, last.offset) : ', ';
    return splice(text, end, 0, `${separator}${JSON.stringify(value)}`);
  }
  const indent = indentationAt(text, last.offset);
  return splice(text, end, 0, `,${layout.eol}${indent}${stringify(value, indent, layout)}`);
}

/** Replaces the value at `path` (which must exist) with `value`, written on one line. */
export function replaceJsonString(text: string, path: string[], value: string): string {
  const root = parseTree(text);
  const node = root ? findNodeAtLocation(root, path) : undefined;
  if (node === undefined) throw new Error(`${path.join('.')} is missing`);
  return splice(text, node.offset, node.length, JSON.stringify(value));
}

function insertMember(text: string, object: Node, key: string, value: unknown): string {
  const layout = layoutOf(text);
  const members = object.children ?? [];
  const last = members[members.length - 1];
  if (last === undefined) {
    const outer = indentationAt(text, object.offset);
    const inner = outer + layout.unit;
    const body = `{${layout.eol}${inner}${JSON.stringify(key)}: ${stringify(value, inner, layout)}${layout.eol}${outer}}`;
    return splice(text, object.offset, object.length, body);
  }
  const end = last.offset + last.length;
  if (!text.slice(object.offset, object.offset + object.length).includes('\n')) {
    return splice(text, end, 0, `, ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  }
  const indent = indentationAt(text, last.offset);
  return splice(text, end, 0, `,${layout.eol}${indent}${JSON.stringify(key)}: ${stringify(value, indent, layout)}`);
}

interface Layout {
  unit: string;
  eol: string;
}

function layoutOf(text: string): Layout {
  const indented = /^([ \t]+)["{[\]}]/m.exec(text)?.[1];
  const unit = indented === undefined ? '  ' : indented.startsWith('\t') ? '\t' : ' '.repeat(indented.length);
  return { unit, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** A value written where a line starts with `indent`: nested lines indented one unit deeper each level. */
function stringify(value: unknown, indent: string, layout: Layout): string {
  return JSON.stringify(value, null, layout.unit).split('\n').join(`${layout.eol}${indent}`);
}

/** The whitespace that starts the line holding `offset`. */
function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function valueOf(text: string, node: Node): unknown {
  try {
    return JSON.parse(text.slice(node.offset, node.offset + node.length));
  } catch {
    return undefined;
  }
}

function splice(text: string, offset: number, length: number, insertion: string): string {
  return text.slice(0, offset) + insertion + text.slice(offset + length);
}
