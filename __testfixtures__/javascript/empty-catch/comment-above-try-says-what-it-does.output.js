import { reportError } from '../src/errors/index.js';

export async function saveDraft(store, draft) {
  // Save the draft so the editor can restore it
  try {
    await store.put(draft.id, draft);
  } catch (error) {
    reportError(error, { operation: 'saveDraft' });
  }
}
