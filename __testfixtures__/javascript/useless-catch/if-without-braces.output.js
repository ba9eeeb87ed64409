export function maybeParse(text) {
  if (text) {
    return JSON.parse(text);
  }
  return null;
}
