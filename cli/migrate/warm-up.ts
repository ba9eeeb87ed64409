/**
 * Before a long detection run, parse and audit a small sample of code that uses most of the language,
 * a few times, so the JIT compiler has seen every path through the parser and the rules before it
 * optimizes them.
 *
 * Why: in a fresh process the parser's functions are optimized after a few dozen files, from what
 * those files happened to contain. The first file with something they lacked (a regular expression
 * with the `s` flag, a number too large for a small integer, a comment that ends the file) throws the
 * optimized code away, and it is compiled again later: over 3,000 real files the tokenizer's main
 * function was compiled 12 to 14 times, each time on the core that garbage collection also needs
 * (5 or 6 after the warm-up). Measured with the command on real files from this repository's
 * dependencies, interleaved with runs without it: 6% less wall time at 3,000 files, 9-10% at 300 and
 * 1,000, and no slow outliers; at 100 files neither gain nor loss, and below that only a cost (some
 * 20 ms), so shorter runs skip it.
 *
 * Only JavaScript files count towards a long run: TypeScript goes to @babel/parser, and warming it
 * the same way measured no gain (289 TypeScript files from this repository's dependencies).
 * The samples go through the built-in modules only: a project's own modules never see a file that is
 * not in the project. Results are discarded, and nothing is read or written.
 */
import path from 'node:path';
import { dialectOf } from '../../transforms/javascript/lib/babel-parse.js';
import { allTransforms } from '../../transforms/javascript/registry.js';
import { auditRules } from '../../transforms/javascript/rules/registry.js';
import type { KitLocation } from '../../transforms/types.js';
import { detectSource } from './detect-file.js';
import { WARM_UP_SAMPLES } from './warm-up-sample.js';

/** Runs with fewer JavaScript files than this skip the warm-up. */
export const WARM_UP_MIN_FILES = 100;

const PASSES = 5;

let warmed = false;

/**
 * Warms the detection pipeline once per process, when `files` (paths of any form) are about to be
 * detected. Returns whether it did so now.
 */
export function warmUpDetection(args: { root: string; kit: KitLocation; files: readonly string[] }): boolean {
  if (warmed || javaScriptFiles(args.files) < WARM_UP_MIN_FILES) return false;
  warmed = true;
  // A name no project file has; only its extension matters (it selects the JavaScript parser).
  const filePath = path.join(args.root, '.faultline-warm-up-sample.js');
  const modules = [...allTransforms, ...auditRules];
  for (let pass = 0; pass < PASSES; pass++) {
    for (const source of WARM_UP_SAMPLES) detectSource({ source, filePath, transforms: modules, kit: args.kit });
  }
  return true;
}

function javaScriptFiles(files: readonly string[]): number {
  let count = 0;
  for (const file of files) if (dialectOf(file) === 'javascript') count++;
  return count;
}
