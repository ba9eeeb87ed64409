import fs from 'node:fs';

export function modifiedAt(file) {
  return fs.promises.stat(file).then((stats) => stats.mtimeMs).catch(() => null);
}
