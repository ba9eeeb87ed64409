import * as store from './store.js';
import { findUser } from './users.js';

export interface Order {
  id: string;
  email: string;
  items: string[];
}

export function lookupOrder(id: string): Promise<Order> {
  return new Promise<Order>((resolve, reject) => {
    store.get<Order>('orders', id).then((order) => {
      if (order === undefined) reject(new Error(`Order ${id} does not exist`));
      else resolve(order);
    }, reject);
  });
}

export async function placeOrder(email: string, items: string[]): Promise<Order> {
  const user = await findUser(email);
  if (items.length === 0) throw new Error('Invalid order: no items');
  const order: Order = { id: `${email}-${Date.now()}`, email: user.email, items };
  await store.put('orders', order.id, order);
  notifyWarehouse(order);
  return order;
}

function notifyWarehouse(order: Order): void {
  store.put('outbox', order.id, { type: 'order-placed', id: order.id }).catch(console.error);
}

export function countOrders(): Promise<number> {
  return store.count('orders').catch(() => 0);
}

export function archiveOrder(id: string): Promise<void> {
  return store.remove('orders', id).catch((err) => console.log(err));
}

export async function latestOrder(email: string): Promise<Order | undefined> {
  return store.get<Order>('orders', `${email}-latest`).catch(() => undefined);
}
