declare function readJson(path: string): Promise<unknown>;

export async function loadConfig(path: string): Promise<unknown> {
  try {
    return await readJson(path);
  } catch {
    throw new Error(`Config at ${path} is unreadable`);
  }
}
