class StorageError extends Error {
  constructor(original) {
    super(`storage failed: ${original.message}`);
    this.original = original;
  }
}

export async function put(bucket, key, body) {
  try {
    await bucket.write(key, body);
  } catch (e) {
    throw new StorageError(e);
  }
}
