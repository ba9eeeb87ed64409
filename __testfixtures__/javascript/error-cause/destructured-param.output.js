export function decode(input) {
  try {
    return JSON.parse(input);
  } catch (error) {
    const { message } = error;
    throw new SyntaxError(`Invalid input: ${message}`, { cause: error });
  }
}
