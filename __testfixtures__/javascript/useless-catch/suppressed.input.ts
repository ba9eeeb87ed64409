declare function open(): void;

export function start(): void {
  try {
    open();
    // faultline-ignore useless-catch: a breakpoint goes here while debugging
  } catch (e) {
    throw e;
  }
}
