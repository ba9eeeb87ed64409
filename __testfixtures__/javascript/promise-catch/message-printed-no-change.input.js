export function sync(store) {
  store.flush().catch((err) => console.error('Flush failed', err));
}
