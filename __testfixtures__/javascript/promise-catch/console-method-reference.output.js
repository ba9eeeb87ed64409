import { writeFile } from 'node:fs/promises';
import { reportError } from '../src/errors/index.js';

export function saveDraft(path, text) {
  writeFile(path, text).catch((error) => { reportError(error, { operation: 'saveDraft' }); });
}
