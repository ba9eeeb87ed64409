export function dispose(handle) {
  try {
    handle.release();
  } catch (e) {}
}
