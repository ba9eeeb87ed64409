import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/**
 * Where a new catalog tells editors to find its schema: this version's schema as the npm registry's
 * file CDN serves it. A path into node_modules resolves only where faultline is installed, never
 * for `npx` users or Python projects; a versioned URL resolves for everyone and never changes
 * under a catalog written for it.
 */
export function schemaReference(): string {
  const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return `https://unpkg.com/faultline@${version}/schema/catalog.schema.json`;
}
