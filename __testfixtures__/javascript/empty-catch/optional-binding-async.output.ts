import { reportError } from '../src/errors/index.js';

declare function sendReceipt(orderId: string): Promise<void>;

export async function completeOrder(orderId: string): Promise<boolean> {
  try {
    await sendReceipt(orderId);
  } catch (error) {
    reportError(error, { operation: 'completeOrder' });
  }
  return true;
}
