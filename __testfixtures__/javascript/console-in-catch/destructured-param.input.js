export function decode(token) {
  try {
    return atob(token);
  } catch ({ message }) {
    console.error('Decoding failed', message);
    return '';
  }
}
