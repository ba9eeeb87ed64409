declare function open(): void;

export function start(): boolean {
  try {
    open();
    return true;
  } catch (e) {
    if (e instanceof TypeError) throw e;
    return false;
  }
}
