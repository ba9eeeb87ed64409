/**
 * A tsconfig's `compilerOptions` after following `extends` as TypeScript does: a path, a package
 * (resolved from the config's own folder), or a list of them, each base read the same way and the
 * extending file's values winning. Project detection (what `init` generates) and error-cause (which
 * `lib` a file compiles against) both read options through here.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseJsonc } from './jsonc.js';

export const TSCONFIG_FILE = 'tsconfig.json';

/** How a config file is read: the default gives `{}` for a file that cannot be read or parsed. */
export type ReadConfig = (path: string) => unknown;

const cache = new Map<string, { mtimeMs: number; options: Record<string, unknown> }>();

export function compilerOptionsOf(configPath: string, read: ReadConfig = readQuietly): Record<string, unknown> {
  return merged(configPath, read, new Set());
}

/** The tsconfig.json in `startDir` or the nearest folder above it. */
export function nearestTsconfig(startDir: string): string | undefined {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const candidate = join(dir, TSCONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function merged(configPath: string, read: ReadConfig, seen: Set<string>): Record<string, unknown> {
  // Only quiet reads are cached: a reader that reports errors must see the file every time.
  const cacheable = read === readQuietly;
  const mtimeMs = statSync(configPath).mtimeMs;
  const cached = cacheable ? cache.get(configPath) : undefined;
  if (cached && cached.mtimeMs === mtimeMs) return cached.options;
  if (seen.has(configPath)) return {};
  seen.add(configPath);

  const config = asRecord(read(configPath));
  const options: Record<string, unknown> = {};
  const bases = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  for (const base of bases) {
    if (typeof base !== 'string') continue;
    const basePath = resolveExtends(base, dirname(configPath));
    if (basePath !== undefined) Object.assign(options, merged(basePath, read, seen));
  }
  Object.assign(options, asRecord(config.compilerOptions));
  if (cacheable) cache.set(configPath, { mtimeMs, options });
  return options;
}

function readQuietly(path: string): unknown {
  try {
    return parseJsonc(readFileSync(path, 'utf8'));
  } catch {
    // An unreadable config gives no evidence either way; callers take TypeScript's defaults.
    return {};
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Where TypeScript finds an `extends` target; undefined when it does not exist (TypeScript reports that, not us). */
export function resolveExtends(specifier: string, fromDir: string): string | undefined {
  const candidates = specifier.startsWith('.') || specifier.startsWith('/')
    ? [resolve(fromDir, specifier), resolve(fromDir, `${specifier}.json`)]
    : packageCandidates(specifier, fromDir);
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function packageCandidates(specifier: string, fromDir: string): string[] {
  const require = createRequire(join(fromDir, TSCONFIG_FILE));
  const found: string[] = [];
  for (const request of [specifier, `${specifier}.json`, `${specifier}/${TSCONFIG_FILE}`]) {
    try {
      found.push(require.resolve(request));
    } catch {
      // Not this form of the specifier; try the next.
    }
  }
  return found;
}
