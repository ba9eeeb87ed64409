declare function lock(): Promise<() => void>;
declare function work(): Promise<void>;

export async function withLock(): Promise<void> {
  const release = await lock();
  try {
    await work();
  } finally {
    release();
  }
}
