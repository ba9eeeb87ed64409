export function missing(kind, id) {
  return new Error(`No such ${kind}: ${id}`);
}

export const notFound = (id) => new Error(`Item ${id} not found`);
