import { logger } from '../src/errors/index.js';

interface User {
  id: string;
}

declare function fetchUser(id: string): Promise<User>;

export async function loadUser(id: string): Promise<User | undefined> {
  try {
    return await fetchUser(id);
  } catch (err) {
    logger.error({ err, id }, 'Failed to load user');
    return undefined;
  }
}
