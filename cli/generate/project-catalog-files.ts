import { existsSync, lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../catalog/model.js';
import type { DesiredFile } from '../fs/file-changes.js';
import { resolveInsideProject } from '../fs/project-paths.js';
import { UsageError } from '../errors.js';
import { packageNameFromDirectory } from '../project/package-name.js';
import { detectPythonProject } from '../project/python/detect.js';
import { isRecord, readJsonFile } from '../project/read-json-file.js';
import type { ExistingFiles } from './render.js';
import { renderCatalogFiles } from './render-catalog-files.js';

/**
 * Every file the catalog produces in this project, rendered exactly as `init` rendered it: with
 * the project's name (docs mention it) and its prettier configuration. What exists is read
 * through `existing`, so a file that is already what the catalog produces is not formatted again.
 */
export async function renderProjectCatalogFiles(root: string, catalog: Catalog, existing: ExistingFiles = projectFiles(root)): Promise<DesiredFile[]> {
  return renderCatalogFiles(catalog, root, await projectName(root, catalog), existing);
}

/**
 * The project's files, each read once however often a command asks; reading a path that leaves
 * the project throws, every time, as `readProjectFile` does.
 */
export function projectFiles(root: string): ExistingFiles {
  const reads = new Map<string, { content?: string; refused?: unknown }>();
  return {
    read(relativePath) {
      let read = reads.get(relativePath);
      if (read === undefined) {
        try {
          read = { content: readProjectFile(root, relativePath) };
        } catch (error) {
          read = { refused: error };
        }
        reads.set(relativePath, read);
      }
      if (read.refused !== undefined) throw read.refused;
      return read.content;
    },
  };
}

/**
 * The name `init` used: a Python project's comes from its packaging files, any other's from
 * package.json, else from its folder, as project detection names it. Only the name is read: the
 * rest of detection (sources, imports, test setup) grows with the project and decides nothing here.
 */
async function projectName(root: string, catalog: Catalog): Promise<string> {
  if (catalog.target.language === 'python') return detectPythonProject(root).name;
  const packageJsonPath = path.join(root, 'package.json');
  if (!existsSync(packageJsonPath)) return packageNameFromDirectory(root);
  const packageJson = await readJsonFile(packageJsonPath);
  if (!isRecord(packageJson)) throw new UsageError(`${packageJsonPath} must contain a JSON object — fix it and run again`);
  return typeof packageJson.name === 'string' && packageJson.name.trim() !== '' ? packageJson.name : packageNameFromDirectory(root);
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
