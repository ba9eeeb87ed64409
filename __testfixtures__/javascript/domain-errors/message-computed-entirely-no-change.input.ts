export function rethrowAs(reason: string): never {
  throw new Error(`${reason}`);
}
