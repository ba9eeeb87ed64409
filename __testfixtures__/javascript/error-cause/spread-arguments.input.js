export function rethrow(read, args) {
  try {
    return read();
  } catch (e) {
    throw new Error(...args);
  }
}
