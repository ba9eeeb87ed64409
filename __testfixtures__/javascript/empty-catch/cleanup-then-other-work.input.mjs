import { rm } from 'node:fs/promises';

export async function clearThumbnails(folder, announce) {
  try {
    await rm(folder, { recursive: true });
    await announce(`thumbnails in ${folder} cleared`);
  } catch (error) {}
}
