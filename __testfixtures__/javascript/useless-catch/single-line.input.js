export function parse(text) {
  let value;
  try { value = JSON.parse(text); } catch (e) { throw e; }
  return value;
}
