export function parseSettings(text) {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('settings are not JSON');
  }
}
