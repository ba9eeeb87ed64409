export function stop(signal) {
  if (signal.aborted) throw null;
}
