import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { archiveOrder, countOrders, latestOrder, lookupOrder, placeOrder } from '../src/orders.js';
import * as store from '../src/store.js';
import { createUser } from '../src/users.js';

beforeEach(() => store.reset());

test('places an order and looks it up', async () => {
  await createUser({ email: 'ann@example.com', name: 'Ann' });
  const order = await placeOrder('ann@example.com', ['book']);
  assert.deepEqual(await lookupOrder(order.id), order);
  assert.equal(await countOrders(), 1);
});

test('an unknown order is an error that says so', async () => {
  await assert.rejects(lookupOrder('o-9'), (error: unknown) => {
    assert.ok(error instanceof Error);
    assert.equal(error.message, 'Order o-9 does not exist');
    return true;
  });
});

test('an order needs items and a known user', async () => {
  await assert.rejects(placeOrder('nobody@example.com', ['book']), (error: unknown) => error instanceof Error && error.message === 'User nobody@example.com not found');
  await createUser({ email: 'ann@example.com', name: 'Ann' });
  await assert.rejects(placeOrder('ann@example.com', []), (error: unknown) => error instanceof Error && error.message === 'Invalid order: no items');
});

test('counting, archiving and the latest order carry on when the store fails', async () => {
  store.failNextCalls(true);
  assert.equal(await countOrders(), 0);
  assert.equal(await archiveOrder('o-1'), undefined);
  assert.equal(await latestOrder('ann@example.com'), undefined);
});
