import { logger } from '../src/errors/index.js';

declare function ping(url: string): Promise<void>;

export async function checkHealth(urls: string[]): Promise<number> {
  let failures = 0;
  for (const url of urls) {
    try {
      await ping(url);
    } catch (error) {
      failures++;
      logger.warn({ err: error }, `Could not reach ${url}`);
    }
  }
  return failures;
}
