export function decode(input) {
  try {
    return JSON.parse(input);
  } catch ({ message }) {
    throw new SyntaxError(`Invalid input: ${message}`);
  }
}
