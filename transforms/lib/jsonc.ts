/**
 * Parses JSON with comments and trailing commas, as tsconfig.json files are written.
 * Throws SyntaxError like JSON.parse when the text is not valid even so.
 */
export function parseJsonc(text: string): unknown {
  return JSON.parse(withoutTrailingCommas(withoutComments(text.replace(/^\uFEFF/, ''))));
}

function withoutComments(text: string): string {
  let output = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      const end = endOfString(text, i);
      output += text.slice(i, end);
      i = end;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (char === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
      output += ' ';
    } else {
      output += char;
      i++;
    }
  }
  return output;
}

function withoutTrailingCommas(text: string): string {
  let output = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      const end = endOfString(text, i);
      output += text.slice(i, end);
      i = end;
      continue;
    }
    if (char === ',') {
      const next = /\S/.exec(text.slice(i + 1));
      if (next && (next[0] === '}' || next[0] === ']')) {
        i++;
        continue;
      }
    }
    output += char;
    i++;
  }
  return output;
}

/** Offset just past the string literal opening at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}
