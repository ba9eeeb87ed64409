import { get } from './http.js';
import { logger } from '../src/errors/index.js';

export async function fetchOrders(customer) {
  try {
    return await get(`/customers/${customer.id}/orders`);
  } catch (e) {
    logger.error({ err: e }, 'fetchOrders failed');
    logger.error({ err: e }, 'Orders unavailable');
    return [];
  }
}
