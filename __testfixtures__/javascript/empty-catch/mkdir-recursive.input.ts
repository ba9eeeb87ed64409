import { mkdir } from 'node:fs/promises';

export async function ensureSessionFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {}
}
