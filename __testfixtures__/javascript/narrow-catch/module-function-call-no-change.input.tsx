export function highlighter(): ((code: string) => string) | undefined {
  try {
    const prism = require('prismjs');
    prism.manual = true;
    return prism.highlightAll();
  } catch (err) {
    return undefined;
  }
}
