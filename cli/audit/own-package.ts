import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root.js';

interface PackageJson {
  version: string;
  repository?: string | { url?: string };
}

let cached: PackageJson | undefined;

/** faultline's own package.json: its version, and where its docs live when it says so. */
export function ownPackageJson(): PackageJson {
  cached ??= JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as PackageJson;
  return cached;
}
