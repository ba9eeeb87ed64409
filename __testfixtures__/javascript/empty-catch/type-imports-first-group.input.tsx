import type { Settings } from '../src/settings.js';

import { EventEmitter } from 'node:events';

import { store } from '../src/store.js';

export const saved = new EventEmitter();

export function SaveButton({ settings }: { settings: Settings }) {
  const save = async () => {
    try {
      await store.save(settings);
    } catch (error) {}
    saved.emit('saved');
  };
  return <button onClick={save}>Save</button>;
}
