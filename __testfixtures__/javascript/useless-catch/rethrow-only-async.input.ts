declare function fetchUser(id: string): Promise<{ name: string }>;

export async function userName(id: string): Promise<string> {
  try {
    const user = await fetchUser(id);
    // Names are shown as entered.
    return user.name;
  } catch (e) {
    throw e;
  }
}
