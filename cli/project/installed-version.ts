import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryAncestors } from './repository-ancestors.js';

/** The version of a package installed where the project resolves it (its node_modules or a workspace root's). */
export function installedVersion(root: string, name: string): string | undefined {
  for (const dir of repositoryAncestors(root)) {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) continue;
    try {
      const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version;
      return typeof version === 'string' ? version : '0.0.0';
    } catch {
      // A manifest being rewritten by a concurrent install still says the package is there.
      return '0.0.0';
    }
  }
  return undefined;
}
