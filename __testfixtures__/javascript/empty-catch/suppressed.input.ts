declare function warmCache(): Promise<void>;

export async function start(): Promise<void> {
  try {
    await warmCache();
    // faultline-ignore empty-catch: a cold cache only costs latency
  } catch {}
}
