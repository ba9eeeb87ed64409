export function read(load, fallbackError) {
  try {
    return load();
  } catch (e) {
    throw fallbackError;
  }
}
