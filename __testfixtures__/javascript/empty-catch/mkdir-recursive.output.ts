import { mkdir } from 'node:fs/promises';
import { reportError } from '../src/errors/index.js';

export async function ensureSessionFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    reportError(error, { operation: 'ensureSessionFolder' });
  }
}
