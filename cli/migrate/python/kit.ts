/**
 * The Python kit a run's fixes import: its module path from the catalog's `target.kitDir`, the
 * project's first-party names, and whether the project's own imports are mostly absolute or
 * relative, read from its Python files once per run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { KitLocation } from '../../../transforms/types.js';
import type { PythonKit } from '../../../transforms/python/lib/kit.js';
import { fileImportStyle } from '../../../transforms/python/lib/kit.js';
import { PythonParseFailure, parsePython } from '../../../transforms/python/lib/parser.js';
import { isPythonPath } from './file.js';

/** How many of the project's files are read to learn its import style: enough to see a habit. */
const STYLE_SAMPLE = 200;

/** The folder the kit's top-level package is imported from: above its chain of packages, or `src` for a src layout. */
function importRootOf(kitDir: string, root: string): string {
  let top = kitDir;
  while (path.dirname(top) !== top && existsSync(path.join(path.dirname(top), '__init__.py')) && path.dirname(top).startsWith(root)) top = path.dirname(top);
  const importRoot = path.dirname(top);
  // A namespace package has no __init__.py to follow: a src layout still says where imports start.
  const src = path.join(root, 'src');
  if (importRoot !== src && kitDir.startsWith(`${src}${path.sep}`) && !importRoot.startsWith(`${src}${path.sep}`)) return src;
  return importRoot;
}

/** Top-level packages and modules in the import root: what isort calls first-party. */
function firstPartyIn(importRoot: string, kitTop: string): string[] {
  const names = new Set([kitTop]);
  let entries: string[] = [];
  try {
    entries = readdirSync(importRoot);
  } catch {
    return [...names];
  }
  for (const entry of entries) {
    if (entry.startsWith('.') || entry === 'node_modules' || entry === 'tests' || entry === 'test') continue;
    if (entry.endsWith('.py') && entry !== 'setup.py' && entry !== 'conftest.py') names.add(entry.slice(0, -3));
    else if (existsSync(path.join(importRoot, entry, '__init__.py'))) names.add(entry);
  }
  return [...names].sort();
}

/** The Python kit of a project whose catalog targets Python; `files` are the run's candidates, relative to `root`. */
export function pythonKitOf(root: string, kit: KitLocation, files: readonly string[]): PythonKit {
  const importRoot = importRootOf(kit.kitDir, root);
  const module = path.relative(importRoot, kit.kitDir).split(path.sep).join('.');
  const python: PythonKit = {
    importRoot,
    module,
    firstParty: firstPartyIn(importRoot, module.split('.')[0] as string),
    style: 'absolute',
    profile: kit.profile ?? 'service',
    errorClasses: kit.errorClasses,
    mappings: kit.mappings,
  };
  let relative = 0;
  let absolute = 0;
  for (const file of files.filter(isPythonPath).slice(0, STYLE_SAMPLE)) {
    const absolutePath = path.join(root, file);
    if (absolutePath.startsWith(`${kit.kitDir}${path.sep}`)) continue;
    let text: string;
    try {
      if (statSync(absolutePath).size > 512 * 1024) continue;
      text = readFileSync(absolutePath, 'utf8');
    } catch {
      continue;
    }
    if (!text.includes('import')) continue;
    try {
      const tree = parsePython(text);
      const style = fileImportStyle(tree.rootNode, python);
      tree.delete();
      if (style === 'relative') relative++;
      else if (style === 'absolute') absolute++;
    } catch (error) {
      if (!(error instanceof PythonParseFailure)) throw error;
    }
  }
  if (relative > absolute) python.style = 'relative';
  return python;
}
