import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseLocatedJson } from '../../cli/catalog/located-json.js';

describe('parseLocatedJson', () => {
  it('parses like JSON.parse', () => {
    const text = '{"a": [1, -2.5e3, true, false, null], "b": {"c": "x\\n\\u00e9\\"\\\\"}, "__proto__": {"polluted": true}}';
    const { value } = parseLocatedJson(text);
    expect(value).toEqual(JSON.parse(text));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('records where each value and property name starts', () => {
    const { locations } = parseLocatedJson('{\n  "errors": [\n    { "a/b": 1 }\n  ]\n}');
    expect(locations.get('')).toEqual({ value: { line: 1, column: 1 } });
    expect(locations.get('/errors')).toEqual({ value: { line: 2, column: 13 }, key: { line: 2, column: 3 } });
    expect(locations.get('/errors/0')).toEqual({ value: { line: 3, column: 5 } });
    expect(locations.get('/errors/0/a~1b')).toEqual({ value: { line: 3, column: 14 }, key: { line: 3, column: 7 } });
  });

  it('counts CRLF line endings as one line break and ignores a byte-order mark', () => {
    const { locations } = parseLocatedJson('\uFEFF{\r\n  "a": 1\r\n}');
    expect(locations.get('')?.value).toEqual({ line: 1, column: 1 });
    expect(locations.get('/a')?.value).toEqual({ line: 2, column: 8 });
  });

  it('lists repeated property names with both places', () => {
    const { duplicateKeys, value } = parseLocatedJson('{"a": 1,\n "a": 2}');
    expect(value).toEqual({ a: 2 });
    expect(duplicateKeys).toEqual([{ pointer: '/a', first: { line: 1, column: 2 }, second: { line: 2, column: 2 } }]);
  });

  it('reads comments and trailing commas only when asked', () => {
    const text = '{\n  // line\n  "a": [1, 2,], /* block */\n  "b": "//not a comment",\n}';
    expect(parseLocatedJson(text, { allowComments: true, allowTrailingCommas: true }).value).toEqual({ a: [1, 2], b: '//not a comment' });
    expect(() => parseLocatedJson(text)).toThrow(new JsonSyntaxError('comments are not allowed in JSON', { line: 2, column: 3 }));
  });

  it.each([
    ['{"a": 01}', '1:7: invalid number "01"'],
    ['{"a": "x', '1:7: unterminated string'],
    ['{"a": "x\ny"}', '1:7: unterminated string (a line break inside a string must be written \\n)'],
    ['{"a": "\\q"}', '1:8: invalid escape sequence "\\q" in a string'],
    ['{"a": tru}', '1:7: unexpected "t"; expected a value (object, array, string, number, true, false or null)'],
    ['{"a": 1} x', '1:10: unexpected "x" after the end of the JSON value'],
    ['[1 2]', '1:4: expected "," or "]" after an array element, found "2"'],
    ['[1,]', '1:4: trailing comma before "]" is not allowed in JSON'],
    ['{"a" 1}', '1:6: expected ":" after property name "a", found "1"'],
    ['/* open', '1:1: unterminated comment'],
  ])('reports %j at its position', (text, message) => {
    expect(() => parseLocatedJson(text, text.startsWith('/*') ? { allowComments: true } : {})).toThrow(message);
  });

  it('refuses absurd nesting with a syntax error instead of overflowing the stack', () => {
    expect(() => parseLocatedJson('['.repeat(100_000))).toThrow(JsonSyntaxError);
  });
});
