import { load } from './store.js';
import { logger } from '../src/errors/index.js';

export function read(key) {
  try {
    return load(key);
  } catch (err) {
    logger.error({ err, key }, 'Read failed');
    return null;
  }
}
