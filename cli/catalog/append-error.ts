import { isDeepStrictEqual } from 'node:util';
import { parseLocatedJson, type SourcePosition } from './located-json.js';
import type { Catalog, CatalogErrorEntry } from './model.js';
import { serializeCatalog } from './serialize.js';

/**
 * The catalog's text with one more error at the end of `errors`. A catalog in faultline's own
 * layout is simply written again. A catalog the user formatted by hand gets the entry inserted
 * as text, in the indentation and line endings it already uses, so the diff of `add` is the new
 * entry and nothing else. The textual edit is only used when it parses back to exactly the
 * intended catalog; otherwise the whole catalog is written in faultline's layout.
 */
export function catalogTextWithError(text: string, catalog: Catalog, entry: CatalogErrorEntry): string {
  const updated = serializeCatalog({ ...catalog, errors: [...catalog.errors, entry] });
  if (text === serializeCatalog(catalog)) return updated;
  const inserted = insertAfterLastError(text, catalog.errors.length, entry);
  return inserted !== undefined && parsesTo(inserted, text, entry) ? inserted : updated;
}

function insertAfterLastError(text: string, count: number, entry: CatalogErrorEntry): string | undefined {
  if (count === 0) return undefined;
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const located = parseLocatedJson(body);
  const last = located.locations.get(`/errors/${count - 1}`)?.value;
  const firstKey = located.locations.get(`/errors/${count - 1}/name`)?.key;
  if (!last || !firstKey) return undefined;

  const lineStarts = lineStartsOf(body);
  const lastStart = offsetOf(lineStarts, last);
  const elementIndent = indentBefore(body, lineStarts, last);
  const keyIndent = indentBefore(body, lineStarts, firstKey);
  // Only a layout of one entry per line with one key per line is copied; anything else is rewritten.
  if (elementIndent === undefined || keyIndent === undefined) return undefined;
  if (!keyIndent.startsWith(elementIndent) || keyIndent.length === elementIndent.length) return undefined;
  const unit = keyIndent.slice(elementIndent.length);
  const end = endOfObject(body, lastStart);
  if (end === undefined) return undefined;

  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const rendered = JSON.stringify(entry, null, unit).split('\n').join(eol + elementIndent);
  return `${bom}${body.slice(0, end)},${eol}${elementIndent}${rendered}${body.slice(end)}`;
}

function parsesTo(candidate: string, original: string, entry: CatalogErrorEntry): boolean {
  const parse = (text: string): Record<string, unknown> => JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  try {
    const before = parse(original);
    const expected = { ...before, errors: [...(before.errors as unknown[]), entry] };
    return isDeepStrictEqual(parse(candidate), expected);
  } catch {
    return false;
  }
}

/** Offsets where lines start, counting `\n`, `\r\n` and a lone `\r` as the located parser does. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

function offsetOf(lineStarts: number[], position: SourcePosition): number {
  return lineStarts[position.line - 1] + position.column - 1;
}

/** The whitespace between the start of the line and `position`, or undefined when anything else precedes it. */
function indentBefore(text: string, lineStarts: number[], position: SourcePosition): string | undefined {
  const lineStart = lineStarts[position.line - 1];
  const prefix = text.slice(lineStart, offsetOf(lineStarts, position));
  return /^[ \t]*$/.test(prefix) ? prefix : undefined;
}

/** The offset just after the object that starts at `start` (a `{`), skipping strings. */
function endOfObject(text: string, start: number): number | undefined {
  if (text[start] !== '{') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      depth++;
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}
