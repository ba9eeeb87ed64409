declare function open(): void;

export function start(): void {
  try {
    open();
  } catch (e) {
    // Rethrown on purpose: callers handle this.
    throw e;
  }
}
