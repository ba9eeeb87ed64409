import { newCatalog } from '../../cli/catalog/defaults.js';
import type { Catalog, CatalogTarget } from '../../cli/catalog/model.js';

export const TYPESCRIPT_TARGET: CatalogTarget = {
  language: 'typescript',
  moduleSystem: 'esm',
  importSuffix: '.js',
  kitDir: 'src/errors',
  runbookDir: 'docs/runbooks',
  framework: 'express',
  logger: 'pino',
  testRunner: 'vitest',
  docsBaseUrl: null,
};

export function defaultCatalog(): Catalog {
  return newCatalog(TYPESCRIPT_TARGET);
}

/** `line:column` (1-based) of the `occurrence`-th match of `needle` in `text`, plus `offset` characters. */
export function positionOf(text: string, needle: string, offset = 0, occurrence = 1): string {
  let index = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${occurrence} times`);
  }
  const before = text.slice(0, index + offset);
  const line = before.split('\n').length;
  const column = index + offset - before.lastIndexOf('\n');
  return `${line}:${column}`;
}
