import { basename, resolve } from 'node:path';

/**
 * A usable package name from a directory name (`My Service!` → `my-service`), for projects
 * that have no package.json yet. Follows npm's rules: lowercase, URL-safe, no leading dot or underscore.
 */
export function packageNameFromDirectory(dir: string): string {
  const name = basename(resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._~]+|[-._~]+$/g, '')
    .slice(0, 214);
  return name === '' ? 'app' : name;
}
