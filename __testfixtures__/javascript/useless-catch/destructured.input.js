export function read(load) {
  try {
    return load();
  } catch ({ message }) {
    throw message;
  }
}
