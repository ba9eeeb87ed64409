export function parse(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error('not JSON', { cause: error });
  }
}
