import { stat } from 'node:fs/promises';
import { reportError } from '../src/errors/index.js';

declare function upload(path: string, size: number): Promise<void>;

export async function publishArtifact(path: string): Promise<void> {
  try {
    const info = await stat(path);
    await upload(path, info.size);
  } catch (error) {
    reportError(error, { operation: 'publishArtifact' });
  }
}
