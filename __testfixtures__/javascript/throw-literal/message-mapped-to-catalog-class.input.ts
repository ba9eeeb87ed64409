const users = new Map<string, { name: string }>();

export function findUser(id: string): { name: string } {
  const user = users.get(id);
  if (user === undefined) throw `User ${id} not found`;
  return user;
}
