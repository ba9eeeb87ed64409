declare function load(): Promise<string>;

export async function read(): Promise<string> {
  try {
    return await load();
  } catch (error) {
    throw new Error('Read failed', { cause: error });
  }
}
