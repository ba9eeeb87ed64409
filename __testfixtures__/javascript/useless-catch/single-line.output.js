export function parse(text) {
  let value;
  value = JSON.parse(text);
  return value;
}
