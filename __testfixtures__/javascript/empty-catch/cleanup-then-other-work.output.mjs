import { rm } from 'node:fs/promises';
import { reportError } from '../src/errors/index.js';

export async function clearThumbnails(folder, announce) {
  try {
    await rm(folder, { recursive: true });
    await announce(`thumbnails in ${folder} cleared`);
  } catch (error) {
    reportError(error, { operation: 'clearThumbnails' });
  }
}
