import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Imports a module installed in the user's project (its linter) from the project's own
 * node_modules. Old tools make Node warn about their own circular imports while they load (ESLint 3
 * through shelljs: thirty lines); those say nothing the user can act on and would bury init's
 * output, so they are dropped while the module loads. Every other warning goes through.
 */
export async function importFromProject(root: string, specifier: string): Promise<Record<string, unknown>> {
  const resolved = createRequire(join(root, 'package.json')).resolve(specifier);
  return withoutCircularImportWarnings(async () => (await import(pathToFileURL(resolved).href)) as Record<string, unknown>);
}

let loading = 0;
let emitWarning: typeof process.emitWarning = process.emitWarning;

async function withoutCircularImportWarnings<T>(load: () => Promise<T>): Promise<T> {
  if (loading++ === 0) {
    emitWarning = process.emitWarning;
    process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
      if (String(warning instanceof Error ? warning.message : warning).includes('inside circular dependency')) return;
      (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
    }) as typeof process.emitWarning;
  }
  try {
    return await load();
  } finally {
    if (--loading === 0) process.emitWarning = emitWarning;
  }
}
