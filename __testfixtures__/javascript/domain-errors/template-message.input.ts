declare function lookup(id: string): Promise<{ name: string } | undefined>;

export async function loadUser(id: string): Promise<{ name: string }> {
  const user = await lookup(id);
  if (user === undefined) {
    throw new Error(`User ${id} does not exist`);
  }
  return user;
}
