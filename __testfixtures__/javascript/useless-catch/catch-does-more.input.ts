declare function open(): void;
declare function cleanUp(): void;

export function start(): void {
  try {
    open();
  } catch (e) {
    cleanUp();
    throw e;
  }
}
