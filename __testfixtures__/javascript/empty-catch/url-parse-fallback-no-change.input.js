export function hostOf(link) {
  let host = '';
  try {
    host = new URL(link).hostname;
  } catch (err) {}
  return host;
}
