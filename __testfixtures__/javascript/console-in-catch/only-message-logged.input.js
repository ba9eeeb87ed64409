import { get } from './http.js';

export async function fetchOrders(customer) {
  try {
    return await get(`/customers/${customer.id}/orders`);
  } catch (e) {
    console.log(e.message);
    console.error('Orders unavailable: ' + e.message);
    return [];
  }
}
