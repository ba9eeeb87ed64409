/**
 * A text-only test that a file's throws all construct an object: `throw new ValidationError(…);`.
 * Such throws are never literals, so `throw-literal` need not parse the file. Anything the scan does
 * not fully understand (a comment, a regular expression or a template with substitutions inside the
 * arguments, a missing `;`) counts as "maybe not", which keeps the pre-filter a superset of what detection finds.
 */

const THROW = /\bthrow\b/g;
const NAME = String.raw`[A-Za-z_$][\w$]*`;
/** `['default']`: how compiled modules reach an export (`new _errors['default'](…)`). */
const STRING_KEY = String.raw`\[\s*(?:'[^'\\\n\r]*'|"[^"\\\n\r]*")\s*\]`;
const NEW_CALLEE = new RegExp(String.raw`\s+new\s+${NAME}(?:\s*\.\s*${NAME}|\s*${STRING_KEY})*\s*\(`, 'y');

/** True when every `throw` in the text is followed by `new Name(…)`, `new a.b.Name(…)` or `new a['b'](…)` that ends the statement. */
export function everyThrowConstructs(source: string): boolean {
  THROW.lastIndex = 0;
  for (let match = THROW.exec(source); match !== null; match = THROW.exec(source)) {
    NEW_CALLEE.lastIndex = match.index + match[0].length;
    if (!NEW_CALLEE.test(source)) return false;
    const end = argumentsEnd(source, NEW_CALLEE.lastIndex);
    if (end === -1 || !endsStatement(source, end)) return false;
    THROW.lastIndex = end;
  }
  return true;
}

/** Offset just past the `)` closing arguments that start at `from` (just past the `(`), or -1 when unsure. */
function argumentsEnd(source: string, from: number): number {
  let depth = 1;
  for (let at = from; at < source.length; at++) {
    const char = source[at];
    if (char === '(') depth++;
    else if (char === ')') {
      depth--;
      if (depth === 0) return at + 1;
    } else if (char === '"' || char === "'") {
      at = stringEnd(source, at, char);
      if (at === -1) return -1;
    } else if (char === '`') {
      at = templateEnd(source, at);
      if (at === -1) return -1;
    } else if (char === '/') {
      // Comments and regular expressions could hide parentheses; not worth reading here.
      return -1;
    }
  }
  return -1;
}

/** Offset of the closing quote of the string starting at `start`, or -1 when it does not close on its line. */
function stringEnd(source: string, start: number, quote: string): number {
  for (let at = start + 1; at < source.length; at++) {
    const char = source[at];
    if (char === '\\') at++;
    else if (char === quote) return at;
    else if (char === '\n' || char === '\r') return -1;
  }
  return -1;
}

/** Offset of the closing backtick of a template without substitutions, or -1 when it has one (code could hide parentheses there). */
function templateEnd(source: string, start: number): number {
  for (let at = start + 1; at < source.length; at++) {
    const char = source[at];
    if (char === '\\') at++;
    else if (char === '`') return at;
    else if (char === '$' && source[at + 1] === '{') return -1;
  }
  return -1;
}

/** `;` or `}` next (a line break may come before a `}`), so nothing continues the thrown expression. */
function endsStatement(source: string, from: number): boolean {
  let at = from;
  while (source[at] === ' ' || source[at] === '\t') at++;
  if (source[at] === ';' || source[at] === '}') return true;
  while (source[at] === ' ' || source[at] === '\t' || source[at] === '\n' || source[at] === '\r') at++;
  return source[at] === '}';
}
