import { logger } from '../src/errors/index.js';

export async function main(queue) {
  try {
    await queue.drain();
  } catch (error) {
    logger.error({ err: error }, 'main failed');
  }
}
