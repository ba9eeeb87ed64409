declare function fetchUser(id: string): Promise<{ name: string }>;

export async function userName(id: string): Promise<string> {
  const user = await fetchUser(id);
  // Names are shown as entered.
  return user.name;
}
