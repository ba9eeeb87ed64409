import * as store from './store.js';

const DEFAULTS = { currency: 'EUR', pageSize: 20 };

export async function loadSettings() {
  try {
    const saved = await store.get('settings', 'app');
    return { ...DEFAULTS, ...saved };
  } catch (err) {
    console.error('Failed to load settings', err);
    return DEFAULTS;
  }
}

export function saveSettings(settings) {
  return store.put('settings', 'app', settings).catch(function () {});
}
