export function originOf(link) {
  try {
    return new URL(link).origin;
  } catch {
    return null;
  }
}
