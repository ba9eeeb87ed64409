export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port)) throw 'Port is not a number';
  return port;
}
