declare function describeFailure(code: number): unknown;

export function ensureOk(status: number): void {
  if (status >= 400) throw describeFailure(status);
}
