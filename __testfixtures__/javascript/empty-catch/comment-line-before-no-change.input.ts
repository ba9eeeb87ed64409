export function removeLockFile(remove: (path: string) => void, path: string): void {
  try {
    remove(path);
  }
  // Another process may have removed it first: either way the lock is gone.
  catch {}
}
