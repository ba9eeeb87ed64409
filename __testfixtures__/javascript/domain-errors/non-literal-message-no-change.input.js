export function fail(message) {
  throw new Error(message);
}
