declare class BaseError extends Error {}
declare class ReadError extends BaseError {}

export async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
  } catch (error) {
    const wrapped = error instanceof BaseError ? error : new ReadError('could not read the body', { cause: error });
    throw wrapped;
  }
  return chunks;
}
