export function unregister(registry, name) {
  try {
    registry.remove(name);
    // eslint-disable-next-line no-empty
  } catch (e) {}
}
