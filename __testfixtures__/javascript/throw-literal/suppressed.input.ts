export function abortWalk(found: string): never {
  // faultline-ignore throw-literal: the walker catches this exact string to stop early
  throw 'stop';
}
