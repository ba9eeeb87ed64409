declare function unlink(path: string): Promise<void>;

export async function cleanUp(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch {
    // The file may already be gone; nothing to clean up then.
  }
  try {
    await unlink(`${path}.tmp`);
  } catch (e) { /* best effort */ }
  try {
    await unlink(`${path}.bak`);
  } catch {} // a missing backup is fine
}
