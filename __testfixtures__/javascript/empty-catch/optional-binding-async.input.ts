declare function sendReceipt(orderId: string): Promise<void>;

export async function completeOrder(orderId: string): Promise<boolean> {
  try {
    await sendReceipt(orderId);
  } catch {}
  return true;
}
