import { dirname, resolve } from 'node:path';
import { compilerOptionsOf, nearestTsconfig } from './tsconfig-options.js';

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
  const { lib, target } = compilerOptionsOf(config);
  if (Array.isArray(lib)) return lib.some((entry) => typeof entry === 'string' && isEs2022OrLaterLib(entry));
  return typeof target === 'string' && isEs2022OrLaterTarget(target);
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
