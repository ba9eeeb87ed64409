declare function open(): Promise<{ close(): Promise<void> }>;

export async function cycle(): Promise<void> {
  try {
    const handle = await open();
    await handle.close();
  } catch (e) {
    try {
      await open();
    } catch (retryError) {
      console.error('Retry failed', retryError);
    }
    console.error('Cycle failed', e);
  }
}
