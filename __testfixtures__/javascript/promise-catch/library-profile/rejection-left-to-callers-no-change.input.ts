declare function warmCache(): Promise<void>;

export function prefetch(): void {
  void warmCache().catch(() => {});
}
