import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isRecord } from './read-json-file.js';
import { repositoryAncestors } from './repository-ancestors.js';

/** Every file name prettier 3 reads its configuration from, in prettier's own order of precedence. */
const PRETTIER_CONFIG_FILES = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.json5',
  '.prettierrc.js',
  '.prettierrc.mjs',
  '.prettierrc.cjs',
  '.prettierrc.ts',
  '.prettierrc.mts',
  '.prettierrc.cts',
  '.prettierrc.toml',
  'prettier.config.js',
  'prettier.config.mjs',
  'prettier.config.cjs',
  'prettier.config.ts',
  'prettier.config.mts',
  'prettier.config.cts',
];

/**
 * The prettier configuration that applies to files in `root`: the nearest one, looking in
 * the project and then up to its repository root, as prettier does. A `prettier` key in a
 * package.json counts, and then the package.json is the config file.
 */
export async function findPrettierConfig(root: string): Promise<string | null> {
  for (const dir of repositoryAncestors(root)) {
    if (await hasPrettierKey(join(dir, 'package.json'))) return join(dir, 'package.json');
    const file = PRETTIER_CONFIG_FILES.map((name) => join(dir, name)).find((candidate) => existsSync(candidate));
    if (file) return file;
  }
  return null;
}

async function hasPrettierKey(packageJsonPath: string): Promise<boolean> {
  if (!existsSync(packageJsonPath)) return false;
  try {
    const parsed: unknown = JSON.parse(await readFile(packageJsonPath, 'utf8'));
    return isRecord(parsed) && parsed.prettier !== undefined;
  } catch {
    // The project's own package.json is validated elsewhere; a broken one higher up is not ours to report.
    return false;
  }
}
