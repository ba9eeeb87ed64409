export class ParseError extends Error {
  override name = 'ParseError';
}

export function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s)$/.exec(text);
  if (match === null) throw new ParseError(`Invalid duration: ${text}`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}
