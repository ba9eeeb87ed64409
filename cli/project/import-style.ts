/**
 * How the project spells its relative imports, read from its own files: `./x.js` (native ESM,
 * NodeNext), `./x` (bundlers, CommonJS, node10 resolution) or a folder as `./dir/index.js`. The
 * kit's imports and the ones `migrate` adds must be spelled the same way, or they fail at run
 * time where the project's own imports work (`ERR_UNSUPPORTED_DIR_IMPORT`, `ERR_MODULE_NOT_FOUND`).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

export interface ImportStyleEvidence {
  /** Relative specifiers ending in a JavaScript extension (`./x.js`, `../y.mjs`, `./dir/index.js`). */
  withExtension: number;
  /** Relative specifiers without one (`./x`, `../dir`). */
  withoutExtension: number;
  /** Relative specifiers naming a TypeScript file (`./x.ts`), as code run by Node's type stripping writes them. */
  withTsExtension?: number;
}

/** Files read for evidence, and how much of each: imports sit at the top. */
const SAMPLE_FILES = 200;
const HEAD_BYTES = 16 * 1024;

// One quote-delimited relative specifier after `from`, `import(` or `require(`; no nested quantifiers.
export const RELATIVE_SPECIFIER = /(?:\bfrom|\bimport\s*\(|\brequire\s*\()\s*(['"])(\.\.?\/[^'"\n]*)\1/g;
const JS_EXTENSION = /\.(?:js|mjs|cjs|jsx)$/;
const TS_EXTENSION = /\.(?:ts|mts|cts|tsx)$/;
const OTHER_EXTENSION = /\.(?:json|css|scss|sass|less|svg|png|jpe?g|gif|webp|html|md|txt|node|wasm|vue|svelte)$/;

export function readImportStyle(root: string, files: string[]): ImportStyleEvidence {
  const evidence: ImportStyleEvidence = { withExtension: 0, withoutExtension: 0, withTsExtension: 0 };
  const buffer = Buffer.alloc(HEAD_BYTES);
  for (const file of files.slice(0, SAMPLE_FILES)) {
    const text = readHead(path.join(root, file), buffer);
    for (const match of text.matchAll(RELATIVE_SPECIFIER)) {
      const specifier = match[2]!;
      if (OTHER_EXTENSION.test(specifier)) continue;
      if (TS_EXTENSION.test(specifier)) evidence.withTsExtension = (evidence.withTsExtension ?? 0) + 1;
      else if (JS_EXTENSION.test(specifier)) evidence.withExtension += 1;
      else evidence.withoutExtension += 1;
    }
  }
  return evidence;
}

/**
 * `.ts` when a clear majority of the project's relative imports name TypeScript files, for a
 * TypeScript project whose tsconfig allows it (`tsExtensions`); else undefined.
 */
export function tsSuffixFromEvidence(evidence: ImportStyleEvidence, tsExtensions: boolean): '.ts' | undefined {
  const ts = evidence.withTsExtension ?? 0;
  const others = evidence.withExtension + evidence.withoutExtension;
  return tsExtensions && ts >= 3 && ts >= 3 * others ? '.ts' : undefined;
}

/** `.js` or empty when the project's own imports decide it (a clear majority), else undefined. */
export function suffixFromEvidence(evidence: ImportStyleEvidence): '.js' | '' | undefined {
  const { withExtension, withoutExtension } = evidence;
  if (withExtension + withoutExtension < 3) return undefined;
  if (withExtension >= 3 * withoutExtension) return '.js';
  if (withoutExtension >= 3 * withExtension) return '';
  return undefined;
}

function readHead(file: string, buffer: Buffer): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, length);
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
