export function parsePort(text: string): number {
  try {
    return JSON.parse(text) as number;
  } catch (e) {
    throw new TypeError('Port must be a number');
  }
}
