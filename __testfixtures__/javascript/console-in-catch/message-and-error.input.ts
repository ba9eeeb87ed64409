interface User {
  id: string;
}

declare function fetchUser(id: string): Promise<User>;

export async function loadUser(id: string): Promise<User | undefined> {
  try {
    return await fetchUser(id);
  } catch (err) {
    console.error('Failed to load user', id, err);
    return undefined;
  }
}
