import { logger } from '../src/errors/index.js';

declare function fetchUser(id: string): Promise<unknown>;

export async function loadUser(id: string): Promise<unknown> {
  try {
    return await fetchUser(id);
  } catch (err) {
    logger.error({ err, id }, 'Failed to load user');
    return undefined;
  }
}
