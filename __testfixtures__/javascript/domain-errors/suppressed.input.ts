export function route(path: string): never {
  // faultline-ignore domain-errors: the router matches on this exact Error
  throw new Error(`Route ${path} not found`);
}
