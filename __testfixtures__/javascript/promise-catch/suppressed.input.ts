declare function unsubscribe(): Promise<void>;

export function leave(): void {
  // faultline-ignore promise-catch: the server drops the subscription on disconnect anyway
  unsubscribe().catch(() => {});
}
