export function flushMetrics(client: { flush(): void }): void {
  try {
    client.flush();
  } catch (e) {} // eslint-disable-line no-empty
}
