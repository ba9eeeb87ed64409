import { NotFoundError } from '../src/errors/index.js';

declare function find(id: string): Promise<unknown>;

export async function getOrder(id: string): Promise<unknown> {
  try {
    return await find(id);
  } catch (error) {
    throw new NotFoundError(`Order ${id} not found`, { details: { id }, cause: error });
  }
}

export async function getInvoice(id: string): Promise<unknown> {
  try {
    return await find(id);
  } catch (error) {
    throw new NotFoundError(`Invoice ${id} not found`, { cause: error });
  }
}
