class Error {
  constructor(readonly message: string) {}
}

export function find(id: string): never {
  throw new Error(`Item ${id} not found`);
}
