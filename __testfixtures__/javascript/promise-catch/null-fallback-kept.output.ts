import { reportError } from '../src/errors/index.js';

interface User {
  name: string;
}

declare function fetchUser(id: string): Promise<User>;

export async function findUser(id: string): Promise<User | null> {
  const user = await fetchUser(id).catch((error) => { reportError(error, { operation: 'findUser' }); return null; });
  return user;
}
