/**
 * A TOML reader for what faultline needs from `pyproject.toml`: tables (standard, dotted and
 * arrays of tables), keys (bare, quoted, dotted), strings of all four kinds, arrays and inline
 * tables. Numbers, booleans and dates are kept as their source text, since nothing here needs
 * their values. Faultline only reads project metadata, so this stays small rather than pulling
 * in a full TOML implementation.
 */

export type TomlTable = { [key: string]: TomlValue };
export type TomlValue = string | TomlValue[] | TomlTable;

export class TomlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

export function parseToml(text: string): TomlTable {
  return new TomlReader(text.replace(/^\uFEFF/, '')).document();
}

/** The table at a dotted path (`['tool', 'pytest', 'ini_options']`), or undefined. */
export function tomlTable(root: TomlTable, path: string[]): TomlTable | undefined {
  let current: TomlValue | undefined = root;
  for (const key of path) {
    if (!isTable(current)) return undefined;
    current = current[key];
  }
  return isTable(current) ? current : undefined;
}

export function isTable(value: TomlValue | undefined): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const BARE_KEY = /[A-Za-z0-9_-]/;
const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };

class TomlReader {
  private index = 0;

  constructor(private readonly text: string) {}

  document(): TomlTable {
    const root: TomlTable = {};
    let current = root;
    for (;;) {
      this.skipBlankLines();
      if (this.index >= this.text.length) return root;
      if (this.text.startsWith('[[', this.index)) {
        this.index += 2;
        const path = this.keyPath(']]');
        current = this.appendTable(root, path);
      } else if (this.text[this.index] === '[') {
        this.index += 1;
        const path = this.keyPath(']');
        current = this.openTable(root, path);
      } else {
        this.keyValue(current);
      }
      this.endOfLine();
    }
  }

  private keyValue(table: TomlTable): void {
    const path = this.keyPath('=');
    this.skipSpaces();
    const value = this.value();
    const parent = this.openTable(table, path.slice(0, -1));
    parent[path[path.length - 1] as string] = value;
  }

  /** Reads a dotted key up to and including `end`. */
  private keyPath(end: string): string[] {
    const path: string[] = [];
    for (;;) {
      this.skipSpaces();
      path.push(this.key());
      this.skipSpaces();
      if (this.text.startsWith(end, this.index)) {
        this.index += end.length;
        return path;
      }
      if (this.text[this.index] !== '.') this.fail(`expected "." or "${end}" after a key`);
      this.index += 1;
    }
  }

  private key(): string {
    const char = this.text[this.index];
    if (char === '"') return this.basicString();
    if (char === "'") return this.literalString();
    const start = this.index;
    while (this.index < this.text.length && BARE_KEY.test(this.text[this.index] as string)) this.index += 1;
    if (start === this.index) this.fail('expected a key');
    return this.text.slice(start, this.index);
  }

  private value(): TomlValue {
    const char = this.text[this.index];
    if (this.text.startsWith('"""', this.index)) return this.multilineString('"""');
    if (this.text.startsWith("'''", this.index)) return this.multilineString("'''");
    if (char === '"') return this.basicString();
    if (char === "'") return this.literalString();
    if (char === '[') return this.array();
    if (char === '{') return this.inlineTable();
    const match = /^[^\s,\]}#]+/.exec(this.text.slice(this.index, this.index + 200));
    if (!match) this.fail('expected a value');
    this.index += match[0].length;
    return match[0];
  }

  private array(): TomlValue[] {
    this.index += 1;
    const items: TomlValue[] = [];
    for (;;) {
      this.skipBlankLines();
      if (this.text[this.index] === ']') {
        this.index += 1;
        return items;
      }
      items.push(this.value());
      this.skipBlankLines();
      if (this.text[this.index] === ',') this.index += 1;
      else if (this.text[this.index] !== ']') this.fail('expected "," or "]" in an array');
    }
  }

  private inlineTable(): TomlTable {
    this.index += 1;
    const table: TomlTable = {};
    this.skipSpaces();
    if (this.text[this.index] === '}') {
      this.index += 1;
      return table;
    }
    for (;;) {
      this.keyValue(table);
      this.skipSpaces();
      if (this.text[this.index] === '}') {
        this.index += 1;
        return table;
      }
      if (this.text[this.index] !== ',') this.fail('expected "," or "}" in an inline table');
      this.index += 1;
    }
  }

  private basicString(): string {
    this.index += 1;
    let result = '';
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined || char === '\n') this.fail('unterminated string');
      this.index += 1;
      if (char === '"') return result;
      result += char === '\\' ? this.escape() : char;
    }
  }

  private literalString(): string {
    const end = this.text.indexOf("'", this.index + 1);
    const newline = this.text.indexOf('\n', this.index + 1);
    if (end === -1 || (newline !== -1 && newline < end)) this.fail('unterminated string');
    const value = this.text.slice(this.index + 1, end);
    this.index = end + 1;
    return value;
  }

  private multilineString(quotes: '"""' | "'''"): string {
    this.index += 3;
    if (this.text[this.index] === '\n') this.index += 1;
    else if (this.text.startsWith('\r\n', this.index)) this.index += 2;
    let result = '';
    for (;;) {
      if (this.index >= this.text.length) this.fail('unterminated multi-line string');
      if (this.text.startsWith(quotes, this.index)) {
        // Up to two quotes may end the content right before the closing delimiter.
        let extra = 0;
        while (extra < 2 && this.text[this.index + 3 + extra] === quotes[0]) extra += 1;
        result += quotes[0]!.repeat(extra);
        this.index += 3 + extra;
        return result;
      }
      const char = this.text[this.index] as string;
      this.index += 1;
      if (char === '\\' && quotes === '"""') {
        if (/^[ \t]*\r?\n/.test(this.text.slice(this.index, this.index + 80))) {
          while (/\s/.test(this.text[this.index] ?? '')) this.index += 1;
        } else {
          result += this.escape();
        }
      } else {
        result += char;
      }
    }
  }

  private escape(): string {
    const char = this.text[this.index];
    this.index += 1;
    if (char !== undefined && char in ESCAPES) return ESCAPES[char] as string;
    if (char === 'u' || char === 'U') {
      const length = char === 'u' ? 4 : 8;
      const hex = this.text.slice(this.index, this.index + length);
      if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== length) this.fail('invalid unicode escape');
      this.index += length;
      return String.fromCodePoint(Number.parseInt(hex, 16));
    }
    return this.fail(`invalid escape "\\${char ?? ''}"`);
  }

  private openTable(root: TomlTable, path: string[]): TomlTable {
    let table = root;
    for (const key of path) {
      let next = table[key];
      if (next === undefined) {
        next = {};
        table[key] = next;
      }
      // `[[a]]` followed by `[a.b]` continues the last table of the array.
      if (Array.isArray(next)) next = next[next.length - 1];
      if (!isTable(next)) this.fail(`"${path.join('.')}" is both a value and a table`);
      table = next;
    }
    return table;
  }

  private appendTable(root: TomlTable, path: string[]): TomlTable {
    const parent = this.openTable(root, path.slice(0, -1));
    const key = path[path.length - 1] as string;
    const existing = parent[key] ?? [];
    if (!Array.isArray(existing)) this.fail(`"${path.join('.')}" is both a table and an array of tables`);
    const table: TomlTable = {};
    existing.push(table);
    parent[key] = existing;
    return table;
  }

  private skipSpaces(): void {
    while (this.text[this.index] === ' ' || this.text[this.index] === '\t') this.index += 1;
  }

  /** Spaces, comments and line breaks. */
  private skipBlankLines(): void {
    for (;;) {
      const char = this.text[this.index];
      if (char === ' ' || char === '\t' || char === '\r' || char === '\n') this.index += 1;
      else if (char === '#') this.skipComment();
      else return;
    }
  }

  private skipComment(): void {
    while (this.index < this.text.length && this.text[this.index] !== '\n') this.index += 1;
  }

  private endOfLine(): void {
    this.skipSpaces();
    if (this.text[this.index] === '#') this.skipComment();
    if (this.text[this.index] === '\r') this.index += 1;
    if (this.index < this.text.length && this.text[this.index] !== '\n') this.fail('expected the end of the line');
  }

  private fail(reason: string): never {
    const line = this.text.slice(0, this.index).split('\n').length;
    throw new TomlSyntaxError(reason, line);
  }
}
