import { reportError } from '../src/errors/index.js';

declare function readSetting(key: string): Promise<string>;

export async function theme(): Promise<string | undefined> {
  return readSetting('theme').catch((_error: unknown) => { reportError(_error, { operation: 'theme' }); return undefined; });
}
