import { reportError } from '../../src/errors/index.js';

export function saveHistory(store, entry) {
  try {
    store.append(entry);
  } catch (e) {
    reportError(e, { operation: 'saveHistory' });
  }
}
