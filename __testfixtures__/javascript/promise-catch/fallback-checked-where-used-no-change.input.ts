declare function request(url: string, init: { method: string }): Promise<Response>;
declare function cached(url: string): { etag?: string; body: string } | undefined;

export async function fresh(url: string): Promise<boolean> {
  const entry = cached(url);
  const head = await request(url, { method: 'HEAD' }).catch(() => undefined);
  const etag = head?.headers.get('etag');
  return entry !== undefined && etag === entry.etag;
}
