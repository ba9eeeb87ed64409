import { logger as log, reportError } from '../src/errors/index.js';

declare function publish(topic: string): Promise<void>;

export async function announce(topic: string): Promise<void> {
  log.info({ topic }, 'announcing');
  try {
    await publish(topic);
  } catch (e) {
    log.error({ err: e }, `Publishing to ${topic} failed`);
    reportError(e, { operation: 'announce' });
  }
}
