declare function trackView(page: string): void;

export function recordVisit(page: string): string {
  try { trackView(page); } catch (err) {}
  return page;
}
