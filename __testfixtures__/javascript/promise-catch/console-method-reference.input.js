import { writeFile } from 'node:fs/promises';

export function saveDraft(path, text) {
  writeFile(path, text).catch(console.error);
}
