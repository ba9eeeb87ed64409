import { load } from './store.js';

export function read(key) {
  try {
    return load(key);
  } catch (err) {
    console.error('Read failed', key, err);
    return null;
  }
}
