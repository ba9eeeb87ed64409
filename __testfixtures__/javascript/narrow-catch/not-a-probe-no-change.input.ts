declare function sync(): Promise<void>;

export async function trySync(): Promise<boolean> {
  try {
    await sync();
  } catch {
    return false;
  }
  return true;
}
