export async function saveDraft(store, draft) {
  // Save the draft so the editor can restore it
  try {
    await store.put(draft.id, draft);
  } catch {}
}
