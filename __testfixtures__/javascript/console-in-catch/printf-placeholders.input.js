export function parse(text) {
  try {
    return JSON.parse(text);
  } catch (err) {
    console.error('Could not parse %s', text, err);
    return null;
  }
}
