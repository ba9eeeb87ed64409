import type { Comment, File } from '@babel/types';
import { endOf, startOf } from '../lib/range.js';

/**
 * Whether a comment lies between `start` and `end` (exclusive). `ast.comments` is in source order, so
 * one binary search answers it, however many comments the file has.
 */
export function hasCommentBetween(ast: File, start: number, end: number): boolean {
  const comments = ast.comments ?? [];
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (startOf(comments[middle] as Comment) <= start) low = middle + 1;
    else high = middle;
  }
  const next = comments[low];
  return next !== undefined && endOf(next) < end;
}
