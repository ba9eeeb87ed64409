import { NotFoundError } from '../src/errors/index.js';

export function missing(kind, id) {
  return new NotFoundError(`No such ${kind}: ${id}`, { expose: false });
}

export const notFound = (id) => new NotFoundError(`Item ${id} not found`, { expose: false });
