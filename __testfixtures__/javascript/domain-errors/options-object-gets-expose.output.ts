import { NotFoundError } from '../src/errors/index.js';

declare function fetchInvoice(id: string): Promise<{ total: number } | null>;

export async function invoice(id: string, trace: string): Promise<{ total: number }> {
  const found = await fetchInvoice(id);
  if (found === null) {
    throw new NotFoundError(`Invoice ${id} not found`, {
      cause: trace,
      expose: false,
    });
  }
  return found;
}
