import { reportError } from '../src/errors/index.js';

declare function fetchTheme(user: string): Promise<string>;

export async function theme(user: string): Promise<string | undefined> {
  return fetchTheme(user).catch((error: unknown) => { reportError(error, { operation: 'theme' }); return undefined; });
}
