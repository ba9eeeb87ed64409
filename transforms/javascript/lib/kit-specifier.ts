import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { File, Node } from '@babel/types';
import type { KitLocation } from '../../types.js';
import { walk } from './walk.js';

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

/**
 * The specifier for the kit written the way this file writes its other relative imports: with a
 * suffix (`../errors/index.js`) when they carry one, as the folder (`../errors`) when they do not, and
 * with `/index` when they name index modules explicitly. A file with no relative imports to go by
 * gets the catalog's style.
 */
export function kitSpecifierInFile(ast: File, filePath: string, kit: KitLocation): string {
  if (kit.importAlias) return kit.importAlias;
  const style = relativeImportStyleOf(ast);
  if (style === undefined) return kitSpecifierFor(filePath, kit);
  const usable = style.suffix === '.js' || (style.suffix === '.ts' && kit.language === 'typescript');
  const suffix = style.suffix === '' ? '' : usable ? style.suffix : kit.importSuffix || '.js';
  let path = relative(dirname(filePath), kit.kitDir).split(sep).join('/');
  if (suffix !== '') path = path === '' ? `index${suffix}` : `${path}/index${suffix}`;
  else if (path === '' || style.explicitIndex) path = path === '' ? 'index' : `${path}/index`;
  return path.startsWith('.') ? path : `./${path}`;
}

interface RelativeImportStyle {
  /** The extension relative imports end with (`.js`), or '' when they have none. */
  suffix: string;
  /** Whether folders are imported through their index module (`./utils/index`). */
  explicitIndex: boolean;
}

const CODE_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;
/** Relative specifiers that name something other than code (`./data.json`, `./app.css`): no evidence either way. */
const OTHER_EXTENSION = /\.[a-z0-9]+$/i;

function relativeImportStyleOf(ast: File): RelativeImportStyle | undefined {
  const suffixes = new Map<string, number>();
  let bare = 0;
  let explicitIndex = false;
  for (const specifier of relativeSpecifiersOf(ast)) {
    if (/^\.{1,2}\/?$/.test(specifier)) continue;
    const extension = CODE_EXTENSION.exec(specifier)?.[0];
    if (extension !== undefined) suffixes.set(extension, (suffixes.get(extension) ?? 0) + 1);
    else if (OTHER_EXTENSION.test(specifier.split('/').pop() ?? '')) continue;
    else bare++;
    if (/\/index(?:\.[cm]?[jt]sx?)?$/.test(specifier)) explicitIndex = true;
  }
  const withSuffix = [...suffixes.values()].reduce((sum, count) => sum + count, 0);
  if (withSuffix + bare === 0) return undefined;
  if (bare >= withSuffix) return { suffix: '', explicitIndex };
  const [suffix] = [...suffixes].sort((a, b) => b[1] - a[1])[0] as [string, number];
  return { suffix, explicitIndex };
}

/** Relative specifiers of the file's imports, re-exports, requires and dynamic imports. */
function relativeSpecifiersOf(ast: File): string[] {
  const found: string[] = [];
  const add = (node: Node | null | undefined): void => {
    if (node?.type === 'StringLiteral' && node.value.startsWith('.')) found.push(node.value);
  };
  for (const statement of ast.program.body) {
    if (statement.type === 'ImportDeclaration' || statement.type === 'ExportAllDeclaration') add(statement.source);
    else if (statement.type === 'ExportNamedDeclaration') add(statement.source);
  }
  // Requires and dynamic imports sit anywhere; a cheap walk over the whole tree finds them.
  walk(ast.program, (node) => {
    if (node.type === 'CallExpression' && ((node.callee.type === 'Identifier' && node.callee.name === 'require') || node.callee.type === 'Import')) {
      add(node.arguments[0] as Node | undefined);
    }
    return undefined;
  });
  return found;
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
