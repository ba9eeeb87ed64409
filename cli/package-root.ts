import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'faultline';

let cachedRoot: string | undefined;

/**
 * The directory of faultline's own package.json, where `schema/` and `templates/` ship.
 * Found by walking up from this module, so it works both from `cli/` sources (tests)
 * and from `dist/cli/` after a build, without hard-coding either depth.
 */
export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (isFaultlinePackage(join(dir, 'package.json'))) {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`faultline is installed incompletely: no package.json named "${PACKAGE_NAME}" above ${fileURLToPath(import.meta.url)}`);
    }
    dir = parent;
  }
}

function isFaultlinePackage(packageJsonPath: string): boolean {
  if (!existsSync(packageJsonPath)) return false;
  try {
    const parsed: unknown = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && (parsed as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    // A broken package.json in some ancestor is not ours; keep walking.
    return false;
  }
}
