import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord } from './read-json-file.js';
import { repositoryAncestors } from './repository-ancestors.js';

/**
 * Whether the kit must name Node's built-in modules without the `node:` scheme: jest before 27
 * resolves every `require` through its own module registry, which does not know the scheme, so
 * `require('node:assert')` fails the kit's test (and any kit module it loads) although Node itself
 * runs it. The installed jest decides; before installing, the lowest version its declared range admits.
 */
export function needsBareBuiltins(root: string, packageJson: Record<string, unknown>, testRunner: string): boolean {
  if (testRunner !== 'jest') return false;
  const major = installedMajor(root, 'jest') ?? declaredMajor(packageJson, 'jest');
  return major !== undefined && major < 27;
}

function installedMajor(root: string, name: string): number | undefined {
  for (const dir of repositoryAncestors(root)) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) continue;
    try {
      const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version;
      return typeof version === 'string' ? majorOf(version) : undefined;
    } catch {
      // An unreadable manifest says nothing; the declared range may.
      return undefined;
    }
  }
  return undefined;
}

function declaredMajor(packageJson: Record<string, unknown>, name: string): number | undefined {
  for (const field of ['devDependencies', 'dependencies']) {
    const section = packageJson[field];
    const range = isRecord(section) ? section[name] : undefined;
    if (typeof range === 'string') return majorOf(range);
  }
  return undefined;
}

function majorOf(version: string): number | undefined {
  const match = /(\d+)/.exec(version);
  return match ? Number(match[1]) : undefined;
}

/** `'node:assert'` → `'assert'` in every import and require of the text. */
export function withBareBuiltins(text: string): string {
  return text.replace(/(\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])node:([\w/]+)\2/g, '$1$2$3$2');
}
