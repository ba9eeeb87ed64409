import { EventEmitter } from 'node:events';
import { join } from 'node:path';

import { defaults } from '../src/settings.js';
import { cache } from '../src/store.js';

export const events = new EventEmitter();

export function flush(dir: string): void {
  try {
    events.emit('flush', join(dir, defaults.path));
  } catch (error) {}
  cache.clear();
}
