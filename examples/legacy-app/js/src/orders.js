import * as store from './store.js';
import { findUser } from './users.js';

export function lookupOrder(id) {
  return new Promise((resolve, reject) => {
    store.get('orders', id).then((order) => {
      if (order === undefined) reject(new Error(`Order ${id} does not exist`));
      else resolve(order);
    }, reject);
  });
}

export async function placeOrder(email, items) {
  const user = await findUser(email);
  if (items.length === 0) throw new Error('Invalid order: no items');
  const order = { id: `${email}-${Date.now()}`, email: user.email, items };
  await store.put('orders', order.id, order);
  notifyWarehouse(order);
  return order;
}

function notifyWarehouse(order) {
  store.put('outbox', order.id, { type: 'order-placed', id: order.id }).catch(console.error);
}

export function countOrders() {
  return store.count('orders').catch(() => 0);
}

export function archiveOrder(id) {
  return store.remove('orders', id).catch((err) => console.log(err));
}
