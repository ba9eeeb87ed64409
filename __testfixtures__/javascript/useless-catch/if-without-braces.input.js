export function maybeParse(text) {
  if (text) try {
    return JSON.parse(text);
  } catch (e) {
    throw e;
  }
  return null;
}
