import { lstatSync, readFileSync } from 'node:fs';
import type { Catalog } from '../catalog/model.js';
import type { DesiredFile } from '../fs/file-changes.js';
import { resolveInsideProject } from '../fs/project-paths.js';
import { detectProject } from '../project/detect.js';
import { detectPythonProject } from '../project/python/detect.js';
import { renderCatalogFiles } from './render-catalog-files.js';

/**
 * Every file the catalog produces in this project, rendered exactly as `init` rendered it: with
 * the project's name (docs mention it) and its prettier configuration.
 */
export async function renderProjectCatalogFiles(root: string, catalog: Catalog): Promise<DesiredFile[]> {
  return renderCatalogFiles(catalog, root, await projectName(root, catalog));
}

/** The name `init` used: a Python project's comes from its packaging files, any other's from package.json. */
async function projectName(root: string, catalog: Catalog): Promise<string> {
  if (catalog.target.language === 'python') return detectPythonProject(root).name;
  return (await detectProject(root)).name;
}

/**
 * The current content of a project file, or undefined when there is no regular file to read.
 * The path is proven to stay inside the project first, so a symlink cannot make faultline read
 * (and later diff or print) a file elsewhere.
 */
export function readProjectFile(root: string, relativePath: string): string | undefined {
  const absolutePath = resolveInsideProject(root, relativePath);
  try {
    const stat = lstatSync(absolutePath);
    if (!stat.isFile() && !stat.isSymbolicLink()) return undefined;
    return readFileSync(absolutePath, 'utf8');
  } catch {
    return undefined;
  }
}
