/**
 * Building JSDoc blocks, and merging new tags into a block the author already wrote so
 * their description and tag texts survive the conversion.
 */
export interface JsDocTag {
  /** Tag name without `@`, e.g. `param`, `returns`, `type`, `typedef`. */
  tag: string;
  /** The type expression, written without its braces. */
  type?: string;
  /** What follows the type as written: `name`, `[name]`, `[T=Default]`. */
  name?: string;
  description?: string;
}

/** Content lines of the block (without `/**`, ` * ` and `*\/`), with `tags` merged in. */
export function mergeJsDocLines(existingValue: string | undefined, tags: readonly JsDocTag[]): string[] {
  const lines = existingValue === undefined ? [] : contentLines(existingValue);
  for (const tag of [...tags].sort((a, b) => tagRank(a) - tagRank(b))) {
    const index = lines.findIndex((line) => describesSameThing(line, tag));
    if (index === -1) {
      lines.push(renderTag(tag));
    } else if (tag.type !== undefined && (tag.tag === 'param' || tag.tag === 'returns') && !hasType(lines[index] ?? '')) {
      lines[index] = (lines[index] ?? '').replace(/^(@\w+)/, `$1 {${tag.type}}`);
    }
  }
  return lines;
}

/**
 * Renders a block. With an indentation it is written on its own lines at that indentation;
 * without one (the block sits inside an expression) it stays on one line, and so does a block
 * that only gives a field its type and modifiers (`/** @type {string} @readonly *\/`).
 */
export function renderJsDoc(lines: readonly string[], indentation: string | undefined): string {
  const oneLine = lines.length === 1 || indentation === undefined || lines.every((line) => /^@(?:type|private|protected|readonly)\b/.test(line));
  if (oneLine) return `/** ${lines.join(' ')} */`;
  const body = lines.map((line) => (line === '' ? `${indentation} *` : `${indentation} * ${line}`));
  return ['/**', ...body, `${indentation} */`].join('\n');
}

export function renderTag(tag: JsDocTag): string {
  return [`@${tag.tag}`, tag.type === undefined ? '' : `{${tag.type}}`, tag.name ?? '', tag.description ?? '']
    .filter((part) => part !== '')
    .join(' ');
}

/** The text of a JSDoc comment's value, one entry per line, without the leading `*` decoration. */
export function contentLines(value: string): string[] {
  const lines = value
    .replace(/^\*/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*?/, '').replace(/\s+$/, ''));
  const margin = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0));
  const trimmed = lines.map((line) => line.slice(Number.isFinite(margin) ? margin : 0));
  while (trimmed[0] === '') trimmed.shift();
  while (trimmed.at(-1) === '') trimmed.pop();
  return trimmed;
}

/** The description of a JSDoc comment: its text before the first tag, on one line. */
export function descriptionOf(value: string): string {
  const lines = contentLines(value);
  const firstTag = lines.findIndex((line) => line.startsWith('@'));
  return (firstTag === -1 ? lines : lines.slice(0, firstTag)).join(' ').replace(/\s+/g, ' ').trim();
}

const tagAliases: Record<string, string> = { arg: 'param', argument: 'param', return: 'returns', augments: 'extends', prop: 'property' };

function describesSameThing(line: string, tag: JsDocTag): boolean {
  const match = /^@(\w+)\s*/.exec(line);
  if (!match) return false;
  const lineTag = tagAliases[match[1] ?? ''] ?? match[1];
  if (lineTag !== tag.tag) return false;
  // A class may implement several contracts: each `@implements` is told apart by its type.
  if (tag.tag === 'implements') return line.includes(`{${tag.type}}`);
  if (tag.name === undefined || tag.tag === 'returns') return true;
  const afterType = skipBraces(line, match[0].length).trimStart();
  return bareName(/^\S*/.exec(afterType)?.[0] ?? '') === bareName(tag.name);
}

/** The rest of the line after a balanced `{…}` group starting at `position` (the whole rest when there is none). */
function skipBraces(line: string, position: number): string {
  if (line[position] !== '{') return line.slice(position);
  let depth = 0;
  for (let index = position; index < line.length; index++) {
    if (line[index] === '{') depth++;
    if (line[index] === '}' && --depth === 0) return line.slice(index + 1);
  }
  return '';
}

/** `[name=default]` and `name` name the same parameter. */
function bareName(name: string): string {
  return name.replace(/^\[/, '').replace(/[=\]].*$/, '');
}

function hasType(line: string): boolean {
  return /^@\w+\s+\{/.test(line);
}

/** The order tags are conventionally written in: what declares types first, then signatures, then modifiers. */
const tagOrder = ['template', 'typedef', 'property', 'extends', 'implements', 'this', 'param', 'returns', 'type', 'satisfies', 'private', 'protected', 'readonly'];

function tagRank(tag: JsDocTag): number {
  const rank = tagOrder.indexOf(tag.tag);
  return rank === -1 ? tagOrder.length : rank;
}
