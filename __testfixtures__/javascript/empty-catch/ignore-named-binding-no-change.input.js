export function stopWatcher(watcher) {
  try {
    watcher.close();
  } catch (ignored) {}
}
