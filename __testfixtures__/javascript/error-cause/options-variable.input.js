export function load(read, options) {
  try {
    return read();
  } catch (e) {
    throw new Error('Load failed', options);
  }
}
