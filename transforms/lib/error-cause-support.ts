import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseJsonc } from './jsonc.js';

/**
 * Whether `new Error(message, { cause })` type-checks in this file. JavaScript runs it natively
 * (Node 16.9+). TypeScript accepts the second argument only when the file's compilation includes the
 * ES2022 library: the nearest tsconfig.json's `lib` names es2022 or later (or esnext), or, without
 * `lib`, its `target` is es2022 or later. No tsconfig means TypeScript's defaults, which predate it.
 */
export function supportsNativeErrorCause(filePath: string): boolean {
  if (!/\.[cm]?tsx?$/i.test(filePath)) return true;
  const config = nearestTsconfig(dirname(resolve(filePath)));
  if (config === undefined) return false;
  const options = effectiveOptions(config, new Set());
  if (options.lib !== undefined) return options.lib.some(isEs2022OrLaterLib);
  return options.target !== undefined && isEs2022OrLaterTarget(options.target);
}

interface LibOptions {
  lib?: string[];
  target?: string;
}

const cache = new Map<string, { mtimeMs: number; options: LibOptions }>();

function nearestTsconfig(startDir: string): string | undefined {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** `lib` and `target` after following `extends` (the extending file's values win). */
function effectiveOptions(configPath: string, seen: Set<string>): LibOptions {
  const mtimeMs = statSync(configPath).mtimeMs;
  const cached = cache.get(configPath);
  if (cached && cached.mtimeMs === mtimeMs) return cached.options;
  if (seen.has(configPath)) return {};
  seen.add(configPath);

  let json: unknown;
  try {
    json = parseJsonc(readFileSync(configPath, 'utf8'));
  } catch {
    // An unreadable config gives no evidence of ES2022 support; the safe answer follows.
    return {};
  }
  const config = (typeof json === 'object' && json !== null ? json : {}) as {
    extends?: unknown;
    compilerOptions?: { lib?: unknown; target?: unknown };
  };
  const options: LibOptions = {};
  const bases = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  for (const base of bases) {
    if (typeof base !== 'string') continue;
    const basePath = resolveExtends(base, dirname(configPath));
    if (basePath === undefined) continue;
    Object.assign(options, effectiveOptions(basePath, seen));
  }
  const own = config.compilerOptions ?? {};
  if (Array.isArray(own.lib)) options.lib = own.lib.filter((entry): entry is string => typeof entry === 'string');
  if (typeof own.target === 'string') options.target = own.target;
  cache.set(configPath, { mtimeMs, options });
  return options;
}

function resolveExtends(specifier: string, fromDir: string): string | undefined {
  const candidates = specifier.startsWith('.') || specifier.startsWith('/')
    ? [resolve(fromDir, specifier), resolve(fromDir, `${specifier}.json`)]
    : packageCandidates(specifier, fromDir);
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function packageCandidates(specifier: string, fromDir: string): string[] {
  const require = createRequire(join(fromDir, 'tsconfig.json'));
  const found: string[] = [];
  for (const request of [specifier, `${specifier}.json`, `${specifier}/tsconfig.json`]) {
    try {
      found.push(require.resolve(request));
    } catch {
      // Not this form of the specifier; try the next.
    }
  }
  return found;
}

function isEs2022OrLaterLib(lib: string): boolean {
  const match = /^es(next|\d{4})(?:\.(full|error))?$/i.exec(lib.trim());
  if (!match) return false;
  return match[1]?.toLowerCase() === 'next' || Number(match[1]) >= 2022;
}

function isEs2022OrLaterTarget(target: string): boolean {
  const match = /^es(next|\d{4})$/i.exec(target.trim());
  if (!match) return false;
  return match[1]?.toLowerCase() === 'next' || Number(match[1]) >= 2022;
}
