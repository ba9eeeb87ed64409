export function rejectOrder(order, now) {
  throw { at: now(), message: order.describe() };
}
