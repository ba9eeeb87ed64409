declare function open(): void;

export function start(): void {
  try {
    open();
  } catch (e) {
    throw e as Error;
  }
}
