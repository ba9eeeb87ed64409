declare function fetchInvoice(id: string): Promise<{ total: number } | null>;

export async function invoice(id: string, trace: string): Promise<{ total: number }> {
  const found = await fetchInvoice(id);
  if (found === null) {
    throw new Error(`Invoice ${id} not found`, {
      cause: trace,
    });
  }
  return found;
}
