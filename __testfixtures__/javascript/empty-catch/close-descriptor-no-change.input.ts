import { closeSync, openSync, readSync } from 'node:fs';

export function readMagicBytes(file: string): Buffer {
  const fd = openSync(file, 'r');
  const magic = Buffer.alloc(8);
  try {
    readSync(fd, magic, 0, magic.length, 0);
  } finally {
    try {
      closeSync(fd);
    } catch (error) {}
  }
  return magic;
}
