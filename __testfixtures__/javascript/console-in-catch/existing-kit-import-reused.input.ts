import { logger as log, reportError } from '../src/errors/index.js';

declare function publish(topic: string): Promise<void>;

export async function announce(topic: string): Promise<void> {
  log.info({ topic }, 'announcing');
  try {
    await publish(topic);
  } catch (e) {
    console.error(`Publishing to ${topic} failed`, e);
    reportError(e, { operation: 'announce' });
  }
}
