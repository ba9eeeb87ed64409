export function start(open) {
  try {
    open();
  } // the caller decides what a failure means
  catch (e) {
    throw e;
  }
}
