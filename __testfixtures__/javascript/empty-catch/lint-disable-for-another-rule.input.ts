declare function publish(topic: string): Promise<void>;

export async function announce(topic: string): Promise<void> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-floating-promises
    publish(topic);
  } catch {}
}
