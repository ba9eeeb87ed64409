import { EventEmitter } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';

import { reportError } from '../src/errors/index.js';

import type { Settings } from '../src/settings.js';

export const bus = new EventEmitter();

export async function announce(settings: Settings): Promise<void> {
  await delay(10);
  try {
    bus.emit('settings', settings);
  } catch (err) {
    reportError(err, { operation: 'announce' });
  }
}
