export async function removeUpload(storage, key) {
  try {
    await storage.delete(key);
  } catch (error) {
    if (error.code === 'NoSuchKey') throw new Error(`Upload ${key} not found`);
    throw error;
  }
}
