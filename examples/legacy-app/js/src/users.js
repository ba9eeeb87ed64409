import * as store from './store.js';

const MAX_USERS = 3;

export async function createUser(input) {
  if (!input.email) throw new Error('Email is required');
  if (typeof input.name !== 'string') throw 'Name must be a string';
  if ((await store.count('users')) >= MAX_USERS) {
    throw { code: 'E_LIMIT', message: 'Too many users' };
  }
  const existing = await store.get('users', input.email);
  if (existing) throw new Error(`User ${input.email} already exists`);
  const user = { email: input.email, name: input.name };
  await store.put('users', input.email, user);
  return user;
}

export async function findUser(email) {
  try {
    const user = await store.get('users', email);
    if (!user) throw new Error(`User ${email} not found`);
    return user;
  } catch (err) {
    throw err;
  }
}

export async function findUserOrNull(email) {
  return findUser(email).catch(() => null);
}

export function parseUserRecord(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error('Could not read user record');
  }
}

export async function renameUser(email, name) {
  try {
    const user = await store.get('users', email);
    user.name = name;
    await store.put('users', email, user);
    return user;
  } catch (e) {
    throw new Error(`User ${email} not found`);
  }
}

export async function removeUser(email) {
  await store.remove('users', email);
  try {
    await store.remove('sessions', email);
  } catch (e) {}
}
