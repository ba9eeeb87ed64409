/**
 * A CommonJS dependency loaded the first time it is used. Most runs need only a few of the packages
 * the command line depends on (an audit never renders a template or validates a schema without a
 * catalog), and loading every one of them at start took about a tenth of a second. `require` also
 * skips the scan Node makes of a CommonJS module imported from ESM to find its named exports.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function lazyRequire<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(specifier) as T);
}
