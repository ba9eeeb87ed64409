declare function ping(url: string): Promise<void>;

export async function checkHealth(urls: string[]): Promise<number> {
  let failures = 0;
  for (const url of urls) {
    try {
      await ping(url);
    } catch (error) {
      failures++;
      console.warn(`Could not reach ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failures;
}
