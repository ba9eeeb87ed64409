export async function loadChart(): Promise<unknown> {
  const module: unknown = await import('./optional-chart-plugin.js' as string).catch(() => undefined);
  return module ?? null;
}
