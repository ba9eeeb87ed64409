export function saveHistory(store, entry) {
  try {
    store.append(entry);
  } catch (e) {}
}
