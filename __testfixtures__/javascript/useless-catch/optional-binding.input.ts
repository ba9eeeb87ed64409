declare function open(): void;
declare const lastError: Error;

export function start(): void {
  try {
    open();
  } catch {
    throw lastError;
  }
}
