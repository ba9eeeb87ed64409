import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { KitLocation } from '../../types.js';

/**
 * The specifier a file uses to import the kit: the configured alias, else a relative posix path to
 * the kit's index with the project's import suffix (`../errors/index.js`), or to the kit's directory
 * when the project imports without suffixes (`../errors`).
 */
export function kitSpecifierFor(filePath: string, kit: KitLocation): string {
  if (kit.importAlias) return kit.importAlias;
  let path = relative(dirname(filePath), kit.kitDir).split(sep).join('/');
  if (kit.importSuffix !== '') path = path === '' ? 'index' + kit.importSuffix : `${path}/index${kit.importSuffix}`;
  else if (path === '') path = 'index';
  return path.startsWith('.') ? path : `./${path}`;
}

const MODULE_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

/** Whether `specifier`, written in `filePath`, names the kit's directory or its index module. */
export function isKitSpecifier(specifier: string, filePath: string, kit: KitLocation): boolean {
  const withoutIndex = (path: string): string => path.replace(MODULE_EXTENSION, '').replace(/\/index$/, '');
  if (kit.importAlias && withoutIndex(specifier) === withoutIndex(kit.importAlias)) return true;
  if (!specifier.startsWith('.') && !isAbsolute(specifier)) return false;
  // Resolving costs more than everything else here, and files import many relative modules: a
  // specifier whose last folder is not the kit's cannot name it (`.` and `..` can, and get resolved).
  const last = withoutIndex(specifier).split(/[\\/]/).pop() ?? '';
  if (last !== '.' && last !== '..' && last !== '' && last !== basename(kit.kitDir)) return false;
  const target = resolve(dirname(filePath), specifier).split(sep).join('/');
  return withoutIndex(target) === resolve(kit.kitDir).split(sep).join('/').replace(/\/$/, '');
}
