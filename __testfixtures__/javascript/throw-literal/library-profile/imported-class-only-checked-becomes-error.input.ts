import { ParseError } from '../../src/library-errors.js';

export function isParseFailure(error: unknown): boolean {
  return error instanceof ParseError;
}

export function parseRatio(text: string): number {
  const [left, right] = text.split(':').map(Number);
  if (!right) throw 'A ratio needs a non-zero right side';
  return (left ?? 0) / right;
}
