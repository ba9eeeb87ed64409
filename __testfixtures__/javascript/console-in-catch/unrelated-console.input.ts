declare function sync(): Promise<void>;

export async function syncAll(): Promise<void> {
  console.log('syncing');
  try {
    await sync();
  } catch (e) {
    console.log('will retry on the next tick');
    throw e;
  }
}
