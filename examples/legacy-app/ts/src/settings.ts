import * as store from './store.js';

export interface Settings {
  currency: string;
  pageSize: number;
}

const DEFAULTS: Settings = { currency: 'EUR', pageSize: 20 };

export async function loadSettings(): Promise<Settings> {
  try {
    const saved = await store.get<Partial<Settings>>('settings', 'app');
    return { ...DEFAULTS, ...saved };
  } catch (err) {
    console.error('Failed to load settings', err);
    return DEFAULTS;
  }
}

export function saveSettings(settings: Partial<Settings>): Promise<void> {
  return store.put('settings', 'app', settings).catch(function () {});
}
