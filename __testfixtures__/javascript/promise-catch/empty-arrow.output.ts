import { reportError } from '../src/errors/index.js';

declare function warmCache(): Promise<void>;

export function start(): void {
  warmCache().catch((error) => { reportError(error, { operation: 'start' }); });
}
