import { NotFoundError } from '../src/errors/index.js';

const users = new Map<string, { name: string }>();

export function findUser(id: string): { name: string } {
  const user = users.get(id);
  if (user === undefined) throw new NotFoundError(`User ${id} not found`, { expose: false });
  return user;
}
