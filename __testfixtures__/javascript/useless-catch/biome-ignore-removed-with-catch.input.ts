export async function fetchProfile(load: (id: string) => Promise<string>, id: string): Promise<string> {
  try {
    return await load(id);
  } catch (error) { // biome-ignore lint/complexity/noUselessCatch: kept for a breakpoint
    throw error;
  }
}
