import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../transforms/javascript/lib/parse.js';
import { hasCommentBetween } from '../../../transforms/javascript/rules/comments.js';

describe('hasCommentBetween', () => {
  const source = '/*a*/ x; /*b*/ { y; } /*c*/ { /*d*/ } {}';
  const ast = parseSource(source, 'a.js', { lean: true });
  const block = (index: number): [number, number] => {
    const blocks = ast.program.body.filter((statement) => statement.type === 'BlockStatement');
    const found = blocks[index] as { start: number; end: number };
    return [found.start, found.end];
  };

  it('finds a comment strictly inside the range only', () => {
    expect(hasCommentBetween(ast, ...block(0))).toBe(false);
    expect(hasCommentBetween(ast, ...block(1))).toBe(true);
    expect(hasCommentBetween(ast, ...block(2))).toBe(false);
    expect(hasCommentBetween(ast, 0, source.length)).toBe(true);
    expect(hasCommentBetween(ast, 0, 5)).toBe(false);
  });

  it('scales to files with many comments', () => {
    const many = `${Array.from({ length: 50_000 }, (_, i) => `/* ${i} */`).join('\n')}\n{ /* inside */ }\n{}\n`;
    const tree = parseSource(many, 'b.js', { lean: true });
    const [withComment, empty] = tree.program.body as unknown as Array<{ start: number; end: number }>;
    expect(hasCommentBetween(tree, withComment!.start, withComment!.end)).toBe(true);
    expect(hasCommentBetween(tree, empty!.start, empty!.end)).toBe(false);
  });
});
