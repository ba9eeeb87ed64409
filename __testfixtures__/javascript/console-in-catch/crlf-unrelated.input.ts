declare function poll(): Promise<void>;

export async function watch(): Promise<void> {
  try {
    await poll();
  } catch (e) {
    console.log('polling again');
  }
}
