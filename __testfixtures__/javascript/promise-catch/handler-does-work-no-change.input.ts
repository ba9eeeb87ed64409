declare function fetchRates(): Promise<number[]>;
declare function cachedRates(): number[];

export function rates(): Promise<number[]> {
  return fetchRates().catch(() => cachedRates());
}
