import * as store from './store.js';

export interface User {
  email: string;
  name: string;
}

const MAX_USERS = 3;

export async function createUser(input: { email?: string; name?: unknown }): Promise<User> {
  if (!input.email) throw new Error('Email is required');
  if (typeof input.name !== 'string') throw 'Name must be a string';
  if ((await store.count('users')) >= MAX_USERS) {
    throw { code: 'E_LIMIT', message: 'Too many users' };
  }
  const existing = await store.get<User>('users', input.email);
  if (existing) throw new Error(`User ${input.email} already exists`);
  const user: User = { email: input.email, name: input.name };
  await store.put('users', input.email, user);
  return user;
}

export async function findUser(email: string): Promise<User> {
  try {
    const user = await store.get<User>('users', email);
    if (!user) throw new Error(`User ${email} not found`);
    return user;
  } catch (err) {
    throw err;
  }
}

export async function findUserOrNull(email: string): Promise<User | null> {
  return findUser(email).catch(() => null);
}

export function parseUserRecord(text: string): User {
  try {
    return JSON.parse(text) as User;
  } catch (e) {
    throw new Error('Could not read user record');
  }
}

export async function renameUser(email: string, name: string): Promise<User> {
  try {
    const user = (await store.get<User>('users', email)) as User;
    user.name = name;
    await store.put('users', email, user);
    return user;
  } catch (e: unknown) {
    throw new Error(`User ${email} not found`);
  }
}

export async function removeUser(email: string): Promise<void> {
  await store.remove('users', email);
  try {
    await store.remove('sessions', email);
  } catch {}
}
