import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import * as store from '../src/store.js';
import { createUser, findUser, findUserOrNull, parseUserRecord, removeUser, renameUser } from '../src/users.js';

beforeEach(() => store.reset());

test('creates and finds a user', async () => {
  await createUser({ email: 'ann@example.com', name: 'Ann' });
  assert.deepEqual(await findUser('ann@example.com'), { email: 'ann@example.com', name: 'Ann' });
});

test('a missing user is an error that says so', async () => {
  await assert.rejects(findUser('nobody@example.com'), (error: unknown) => {
    assert.ok(error instanceof Error);
    assert.equal(error.message, 'User nobody@example.com not found');
    return true;
  });
  assert.equal(await findUserOrNull('nobody@example.com'), null);
});

test('a second user with the same email is refused', async () => {
  await createUser({ email: 'ann@example.com', name: 'Ann' });
  await assert.rejects(createUser({ email: 'ann@example.com', name: 'Annie' }), (error: unknown) => {
    assert.ok(error instanceof Error);
    assert.equal(error.message, 'User ann@example.com already exists');
    return true;
  });
});

test('input is checked', async () => {
  await assert.rejects(createUser({ name: 'Ann' }), (error: unknown) => error instanceof Error && error.message === 'Email is required');
  await assert.rejects(createUser({ email: 'ann@example.com', name: 42 }), /Name must be a string/);
});

test('the number of users is limited', async () => {
  for (const name of ['a', 'b', 'c']) await createUser({ email: `${name}@example.com`, name });
  await assert.rejects(createUser({ email: 'd@example.com', name: 'd' }), (error: unknown) => (error as { message?: unknown }).message === 'Too many users');
});

test('a broken record is reported in words', () => {
  assert.throws(() => parseUserRecord('{'), (error: unknown) => error instanceof Error && error.message === 'Could not read user record');
});

test('renaming a missing user fails', async () => {
  await assert.rejects(renameUser('nobody@example.com', 'X'), (error: unknown) => error instanceof Error && error.message === 'User nobody@example.com not found');
});

test('removing a user ignores a failing session cleanup', async () => {
  await createUser({ email: 'ann@example.com', name: 'Ann' });
  await removeUser('ann@example.com');
  assert.equal(await findUserOrNull('ann@example.com'), null);
});
