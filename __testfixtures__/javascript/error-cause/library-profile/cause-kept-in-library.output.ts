export function parseConfig(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SyntaxError('mylib: the configuration is not valid JSON', {
      cause: e
    });
  }
}
