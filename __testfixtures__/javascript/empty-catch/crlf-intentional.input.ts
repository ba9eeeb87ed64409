export function parseNumber(text: string): number {
  try {
    return JSON.parse(text) as number;
  } catch {
    // Not a number: zero is the documented default.
  }
  return 0;
}
