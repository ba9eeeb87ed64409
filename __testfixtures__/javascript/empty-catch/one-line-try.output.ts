import { reportError } from '../src/errors/index.js';

declare function trackView(page: string): void;

export function recordVisit(page: string): string {
  try { trackView(page); } catch (err) { reportError(err, { operation: 'recordVisit' }); }
  return page;
}
