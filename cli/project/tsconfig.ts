import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isRecord, JSONC, readJsonFile } from './read-json-file.js';

/** The compiler options that decide how generated code must look, lowercased as TypeScript compares them. */
export interface TsconfigInfo {
  path: string;
  module: string | null;
  moduleResolution: string | null;
  target: string | null;
  lib: string[] | null;
  strict: boolean;
}

export const TSCONFIG_FILE = 'tsconfig.json';

/**
 * Reads `<root>/tsconfig.json` and the configs it `extends` (one level, which covers the
 * common `extends: "./tsconfig.base.json"` and `@tsconfig/*` presets). null when absent.
 */
export async function readTsconfig(root: string): Promise<TsconfigInfo | null> {
  const path = join(root, TSCONFIG_FILE);
  if (!existsSync(path)) return null;
  const config = await readJsonFile(path, JSONC);
  const own = isRecord(config) && isRecord(config.compilerOptions) ? config.compilerOptions : {};
  let options: Record<string, unknown> = {};
  for (const base of extendsList(config)) {
    const basePath = resolveExtends(base, dirname(path), root);
    if (basePath === undefined) continue;
    const baseConfig = await readJsonFile(basePath, JSONC);
    if (isRecord(baseConfig) && isRecord(baseConfig.compilerOptions)) options = { ...options, ...baseConfig.compilerOptions };
  }
  options = { ...options, ...own };
  return {
    path,
    module: lowerString(options.module),
    moduleResolution: lowerString(options.moduleResolution),
    target: lowerString(options.target),
    lib: Array.isArray(options.lib) ? options.lib.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.toLowerCase()) : null,
    strict: options.strict === true,
  };
}

function extendsList(config: unknown): string[] {
  if (!isRecord(config)) return [];
  const value = config.extends;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** Where TypeScript would find an `extends` target; undefined when it does not exist (TypeScript reports that, not us). */
function resolveExtends(specifier: string, fromDir: string, root: string): string | undefined {
  const isPath = specifier.startsWith('.') || isAbsolute(specifier);
  const base = isPath ? resolve(fromDir, specifier) : join(root, 'node_modules', specifier);
  const candidates = isPath ? [base, `${base}.json`] : [base, `${base}.json`, join(base, TSCONFIG_FILE)];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function lowerString(value: unknown): string | null {
  return typeof value === 'string' ? value.toLowerCase() : null;
}
