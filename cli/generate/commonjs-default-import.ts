/**
 * How a default import reads under CommonJS.
 *
 * Node binds the default import of a CommonJS module to its `module.exports`, which is exactly
 * what `require()` returns: so builtins, relative modules (the kit's own files and JSON) and
 * packages known to assign their main export to `module.exports` are written
 * `const x = require('x');`, as a person would.
 *
 * The one case where `require()` differs is a package published as ESM only (or compiled from
 * ESM with an `exports.default`): `require()` then returns the module namespace and the default
 * export is its `.default`. The package's format cannot be known from the source text, so any
 * other package's default import reads `.default` when present:
 * `const xModule = require('x'); const x = xModule.default ?? xModule;`.
 */
import { isBuiltin } from 'node:module';

/** Packages whose CommonJS `module.exports` is the value their default import gives. */
const moduleExportsPackages = new Set(['express', 'fastify', 'fastify-plugin', 'pino', 'pino-http', 'pino-pretty', 'supertest']);

export type DefaultImportForm = 'module-exports' | 'interop';

export function defaultImportForm(specifier: string): DefaultImportForm {
  if (specifier.startsWith('.') || specifier.startsWith('/') || isBuiltin(specifier)) return 'module-exports';
  return moduleExportsPackages.has(packageName(specifier)) ? 'module-exports' : 'interop';
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
