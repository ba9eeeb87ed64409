import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compilerOptionsOf, TSCONFIG_FILE } from '../../transforms/javascript/lib/tsconfig-options.js';
import { JSONC, readJsonFileSync } from './read-json-file.js';

export { TSCONFIG_FILE };

/** The compiler options that decide how generated code must look, lowercased as TypeScript compares them. */
export interface TsconfigInfo {
  path: string;
  module: string | null;
  moduleResolution: string | null;
  target: string | null;
  lib: string[] | null;
  strict: boolean;
  /** `allowImportingTsExtensions` or `rewriteRelativeImportExtensions`: relative imports may name `.ts` files. */
  tsExtensions: boolean;
}

/**
 * Reads `<root>/tsconfig.json` and the configs it `extends`, as error-cause reads a file's nearest
 * one. null when absent; a file that is not JSON is the user's mistake, named with its position.
 */
export async function readTsconfig(root: string): Promise<TsconfigInfo | null> {
  const path = join(root, TSCONFIG_FILE);
  if (!existsSync(path)) return null;
  return tsconfigInfo(path, compilerOptionsOf(path, (file) => readJsonFileSync(file, JSONC)));
}

/** The options of a config already read (with its `extends` followed). */
export function tsconfigInfo(path: string, options: Record<string, unknown>): TsconfigInfo {
  return {
    path,
    module: lowerString(options.module),
    moduleResolution: lowerString(options.moduleResolution),
    target: lowerString(options.target),
    lib: Array.isArray(options.lib) ? options.lib.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.toLowerCase()) : null,
    strict: options.strict === true,
    tsExtensions: options.allowImportingTsExtensions === true || options.rewriteRelativeImportExtensions === true,
  };
}

function lowerString(value: unknown): string | null {
  return typeof value === 'string' ? value.toLowerCase() : null;
}
