import { readFileSync } from 'node:fs';

export function readManifest(path: string): Record<string, unknown> {
  let manifest: Record<string, unknown> = {};
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch {}
  return manifest;
}
