const orders = new Map<string, { total: number }>();

export function getOrder(id: string): { total: number } {
  const order = orders.get(id);
  if (!order) throw new Error('Order not found');
  return order;
}
