export async function fetchProfile(load: (id: string) => Promise<string>, id: string): Promise<string> {
  return await load(id);
}
