import { NotFoundError } from '../src/errors/index.js';

const orders = new Map<string, { total: number }>();

export function getOrder(id: string): { total: number } {
  const order = orders.get(id);
  if (!order) throw new NotFoundError('Order not found', { expose: false });
  return order;
}
