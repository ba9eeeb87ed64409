/**
 * A JSON parser that remembers where every value came from, so problems found later (by the
 * schema, by duplicate checks) can point at `file:line:column` instead of only at a JSON
 * pointer. It also reads the JSON-with-comments dialect of tsconfig.json on request.
 * JSON.parse cannot do either, and its syntax messages differ between Node versions.
 */

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like most editors. */
  column: number;
}

export interface ValueLocation {
  /** Where the value starts. */
  value: SourcePosition;
  /** Where its property name starts, for object members. */
  key?: SourcePosition;
}

export interface DuplicateKey {
  /** JSON pointer of the repeated member. */
  pointer: string;
  first: SourcePosition;
  second: SourcePosition;
}

export interface LocatedJson {
  value: unknown;
  /** Keyed by JSON pointer (RFC 6901), `''` for the document itself. */
  locations: Map<string, ValueLocation>;
  /** Members whose name appeared twice in one object; the later one wins, as in JSON.parse. */
  duplicateKeys: DuplicateKey[];
}

export interface JsonDialect {
  /** Allow `//` and `/* *\/` comments (tsconfig.json). */
  allowComments?: boolean;
  /** Allow a comma before `}` or `]` (tsconfig.json). */
  allowTrailingCommas?: boolean;
}

export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
  constructor(
    readonly reason: string,
    readonly position: SourcePosition,
  ) {
    super(`${position.line}:${position.column}: ${reason}`);
  }
}

const MAX_DEPTH = 512;
const LITERALS = [['true', true], ['false', false], ['null', null]] as const;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function parseLocatedJson(text: string, dialect: JsonDialect = {}): LocatedJson {
  // Editors hide a byte-order mark, so positions are counted as if it were not there.
  return new LocatingParser(text.startsWith('\uFEFF') ? text.slice(1) : text, dialect).parseDocument();
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

class LocatingParser {
  private index = 0;
  private readonly lineStarts: number[] = [0];
  private readonly locations = new Map<string, ValueLocation>();
  private readonly duplicateKeys: DuplicateKey[] = [];
  private lastLine = 0;

  constructor(
    private readonly text: string,
    private readonly dialect: JsonDialect,
  ) {
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) this.lineStarts.push(i + 1);
    }
  }

  parseDocument(): LocatedJson {
    this.skipTrivia();
    if (this.index >= this.text.length) this.fail('the file is empty; expected a JSON value');
    const value = this.parseValue('', undefined, 0);
    this.skipTrivia();
    if (this.index < this.text.length) this.fail(`unexpected ${this.describeHere()} after the end of the JSON value`);
    return { value, locations: this.locations, duplicateKeys: this.duplicateKeys };
  }

  private parseValue(pointer: string, key: SourcePosition | undefined, depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`values are nested more than ${MAX_DEPTH} levels deep`);
    this.locations.set(pointer, key ? { value: this.positionAt(this.index), key } : { value: this.positionAt(this.index) });
    const char = this.text[this.index];
    if (char === '{') return this.parseObject(pointer, depth);
    if (char === '[') return this.parseArray(pointer, depth);
    if (char === '"') return this.parseString();
    if (char === '-' || (char >= '0' && char <= '9')) return this.parseNumber();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.index)) {
        this.index += word.length;
        return value;
      }
    }
    if (char === "'") this.fail('strings must use double quotes');
    return this.fail(`unexpected ${this.describeHere()}; expected a value (object, array, string, number, true, false or null)`);
  }

  private parseObject(pointer: string, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const seen = new Map<string, SourcePosition>();
    this.index++;
    this.skipTrivia();
    if (this.text[this.index] === '}') {
      this.index++;
      return result;
    }
    for (;;) {
      this.skipTrivia();
      if (this.text[this.index] === '}' && this.dialect.allowTrailingCommas) {
        this.index++;
        return result;
      }
      if (this.text[this.index] !== '"') {
        if (this.text[this.index] === '}') this.fail('trailing comma before "}" is not allowed in JSON');
        this.fail(`expected a property name in double quotes, found ${this.describeHere()}`);
      }
      const keyPosition = this.positionAt(this.index);
      const name = this.parseString();
      this.skipTrivia();
      if (this.text[this.index] !== ':') this.fail(`expected ":" after property name ${JSON.stringify(name)}, found ${this.describeHere()}`);
      this.index++;
      this.skipTrivia();
      const memberPointer = `${pointer}/${escapePointerSegment(name)}`;
      const earlier = seen.get(name);
      if (earlier) this.duplicateKeys.push({ pointer: memberPointer, first: earlier, second: keyPosition });
      seen.set(name, keyPosition);
      const value = this.parseValue(memberPointer, keyPosition, depth + 1);
      // defineProperty, not assignment: a "__proto__" member must stay data, as with JSON.parse.
      if (name === '__proto__') Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true });
      else result[name] = value;
      this.skipTrivia();
      const next = this.text[this.index];
      if (next === ',') {
        this.index++;
        continue;
      }
      if (next === '}') {
        this.index++;
        return result;
      }
      this.fail(`expected "," or "}" after the value of ${JSON.stringify(name)}, found ${this.describeHere()}`);
    }
  }

  private parseArray(pointer: string, depth: number): unknown[] {
    const result: unknown[] = [];
    this.index++;
    this.skipTrivia();
    if (this.text[this.index] === ']') {
      this.index++;
      return result;
    }
    for (;;) {
      this.skipTrivia();
      if (this.text[this.index] === ']') {
        if (!this.dialect.allowTrailingCommas) this.fail('trailing comma before "]" is not allowed in JSON');
        this.index++;
        return result;
      }
      result.push(this.parseValue(`${pointer}/${result.length}`, undefined, depth + 1));
      this.skipTrivia();
      const next = this.text[this.index];
      if (next === ',') {
        this.index++;
        continue;
      }
      if (next === ']') {
        this.index++;
        return result;
      }
      this.fail(`expected "," or "]" after an array element, found ${this.describeHere()}`);
    }
  }

  private parseString(): string {
    const start = this.index;
    this.index++;
    let result = '';
    // Plain characters are copied a run at a time: a catalog of thousands of errors is mostly strings.
    let runStart = this.index;
    for (;;) {
      if (this.index >= this.text.length) this.failAt(start, 'unterminated string');
      const code = this.text.charCodeAt(this.index);
      if (code !== 0x22 && code !== 0x5c && code >= 0x20) {
        this.index++;
        continue;
      }
      result += this.text.slice(runStart, this.index);
      const char = this.text[this.index];
      if (char === '"') {
        this.index++;
        return result;
      }
      if (char === '\n' || char === '\r') this.failAt(start, 'unterminated string (a line break inside a string must be written \\n)');
      if (char! < ' ') this.fail('control characters inside a string must be escaped');
      runStart = this.index;
      const escape = this.text[this.index + 1];
      if (escape !== undefined && Object.hasOwn(SIMPLE_ESCAPES, escape)) {
        result += SIMPLE_ESCAPES[escape];
        this.index += 2;
      } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.index + 2, this.index + 6))) {
        result += String.fromCharCode(Number.parseInt(this.text.slice(this.index + 2, this.index + 6), 16));
        this.index += 6;
      } else {
        this.fail(`invalid escape sequence "\\${escape ?? ''}" in a string`);
      }
      runStart = this.index;
    }
  }

  private parseNumber(): number {
    const match = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.text.slice(this.index, this.index + 400));
    if (!match) this.fail(`invalid number starting with ${this.describeHere()}`);
    const after = this.text[this.index + match[0].length];
    if (after !== undefined && /[0-9A-Za-z.]/.test(after)) {
      this.fail(`invalid number "${this.text.slice(this.index, this.index + match[0].length + 1)}"`);
    }
    this.index += match[0].length;
    return Number(match[0]);
  }

  private skipTrivia(): void {
    for (;;) {
      const char = this.text[this.index];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
        this.index++;
      } else if (char === '/' && (this.text[this.index + 1] === '/' || this.text[this.index + 1] === '*')) {
        if (!this.dialect.allowComments) this.fail('comments are not allowed in JSON');
        this.skipComment();
      } else {
        return;
      }
    }
  }

  private skipComment(): void {
    if (this.text[this.index + 1] === '/') {
      while (this.index < this.text.length && this.text[this.index] !== '\n' && this.text[this.index] !== '\r') this.index++;
      return;
    }
    const end = this.text.indexOf('*/', this.index + 2);
    if (end === -1) this.fail('unterminated comment');
    this.index = end + 2;
  }

  private describeHere(): string {
    if (this.index >= this.text.length) return 'the end of the file';
    const char = this.text.codePointAt(this.index) ?? 0;
    return char < 0x20 ? `character U+${char.toString(16).toUpperCase().padStart(4, '0')}` : JSON.stringify(String.fromCodePoint(char));
  }

  private positionAt(offset: number): SourcePosition {
    // Values are located in reading order, so the line is usually the last one found or just after it.
    let line = this.lastLine;
    if (this.lineStarts[line]! <= offset) {
      while (line + 1 < this.lineStarts.length && this.lineStarts[line + 1]! <= offset) line++;
      this.lastLine = line;
      return { line: line + 1, column: offset - this.lineStarts[line]! + 1 };
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }

  private fail(reason: string): never {
    return this.failAt(this.index, reason);
  }

  private failAt(offset: number, reason: string): never {
    throw new JsonSyntaxError(reason, this.positionAt(offset));
  }
}
