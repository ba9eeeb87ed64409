export function originOf(link) {
  try {
    return new URL(link).origin;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return null;
  }
}
