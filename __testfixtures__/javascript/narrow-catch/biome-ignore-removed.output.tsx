import { readFileSync } from 'node:fs';
import { isErrnoError } from '../src/errors/index.js';

export function Readme({ path }: { path: string }) {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (!isErrnoError(error, 'ENOENT', 'ENOTDIR')) {
      throw error;
    }
  }
  return <pre>{text}</pre>;
}
