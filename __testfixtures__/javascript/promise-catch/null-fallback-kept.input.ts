interface User {
  name: string;
}

declare function fetchUser(id: string): Promise<User>;

export async function findUser(id: string): Promise<User | null> {
  const user = await fetchUser(id).catch(() => null);
  return user;
}
