declare function warmCache(): Promise<void>;

export function start(): void {
  warmCache().catch(() => {});
}
