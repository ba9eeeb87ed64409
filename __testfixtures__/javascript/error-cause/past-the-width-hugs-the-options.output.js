export async function loadReport(store, id) {
  try {
    return await store.read(['reports', id]);
  } catch (error) {
    throw new Error(`Report ${id} could not be read from the store at all`, {
      cause: error
    });
  }
}
