/**
 * The project a run works on: its root (where faultline.catalog.json is) and how transformed files
 * reach the kit, both taken from the catalog.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { CATALOG_FILE, findCatalog, loadCatalog } from '../catalog/load.js';
import { defaultErrors, defaultMappings } from '../catalog/defaults.js';
import type { Catalog } from '../catalog/model.js';
import { profileOf } from '../catalog/profile.js';
import { UsageError } from '../errors.js';
import { profileOfPackage } from '../project/detect.js';
import { isRecord } from '../project/read-json-file.js';
import type { KitLocation } from '../../transforms/types.js';
import { findGitTopLevel } from './gitignore.js';

export interface MigrationProject {
  /** Real path of the folder holding the catalog. */
  root: string;
  /** Real path of the folder the user's paths are relative to. */
  cwd: string;
  kit: KitLocation;
  /** True when there is no catalog yet and the kit stands for the one `faultline init` would write. */
  defaultCatalog?: boolean;
  /** The catalog's language; a Python project's files are migrated by the Python rules only. */
  language?: 'typescript' | 'javascript' | 'python';
}

/**
 * Where to run from when every path named lies in another project than `cwd`'s: someone at `/tmp`
 * asking about `~/code/np` means that project. The paths come back absolute, so they still name
 * the same files; globs, paths that do not exist and paths inside `cwd`'s project change nothing.
 */
export function cwdForPaths(cwd: string, paths: readonly string[] | undefined): { cwd: string; paths: string[] | undefined } {
  const unchanged = { cwd, paths: paths === undefined ? undefined : [...paths] };
  if (paths === undefined || paths.length === 0) return unchanged;
  const absolute = paths.map((name) => path.resolve(cwd, name));
  if (!absolute.every((file) => existsSync(file))) return unchanged;
  const inside = (root: string, file: string) => !path.relative(root, realpathSync(file)).startsWith('..');
  if (absolute.some((file) => inside(projectRootFrom(cwd), file))) return unchanged;
  const first = absolute[0] as string;
  const from = statSync(first).isDirectory() ? first : path.dirname(first);
  const root = projectRootFrom(from);
  return absolute.every((file) => inside(root, file)) ? { cwd: from, paths: absolute } : unchanged;
}

/** The folder a run from `dir` takes as the project: the catalog's, else the repository's top level, else `dir`. */
function projectRootFrom(dir: string): string {
  const real = realpathSync(dir);
  const catalog = findCatalog(real);
  return catalog === undefined ? (findGitTopLevel(real) ?? real) : path.dirname(catalog);
}

/** Real path of `cwd`, so paths compare equal to what git and the file system report. */
export function resolveWorkingDirectory(cwd: string): string {
  try {
    const real = realpathSync(cwd);
    if (statSync(real).isDirectory()) return real;
  } catch {
    // Reported below in the user's words.
  }
  throw new UsageError(`${cwd} is not a folder — check --cwd`);
}

/** The project for `migrate`: without a catalog there is no kit to migrate to. */
export function loadMigrationProject(cwd: string): MigrationProject {
  const realCwd = resolveWorkingDirectory(cwd);
  const catalogPath = findCatalog(realCwd);
  if (catalogPath === undefined) throw new UsageError(`no ${CATALOG_FILE} found — run \`faultline init\` first`);
  const root = path.dirname(catalogPath);
  const { catalog } = loadCatalog(root);
  return { root, cwd: realCwd, kit: kitLocationOf(catalog, root), language: catalog.target.language };
}

/**
 * The project for detection only (`audit`): the catalog when there is one, else the repository (or
 * the working folder) as root with the kit where `init` would put it, since finding smells needs no kit.
 */
export function loadDetectionProject(cwd: string): MigrationProject {
  const realCwd = resolveWorkingDirectory(cwd);
  if (findCatalog(realCwd) !== undefined) {
    return loadMigrationProject(realCwd);
  }
  const root = findGitTopLevel(realCwd) ?? realCwd;
  // Judged against the catalog `init` would write, so an audit before init already tells which generic
  // errors migrate will give a domain class, and says nothing about a catalog that does not exist.
  return {
    root,
    cwd: realCwd,
    kit: {
      kitDir: path.join(root, 'src', 'errors'),
      importSuffix: '',
      language: 'typescript',
      errorClasses: defaultErrors().map((error) => error.name),
      mappings: defaultMappings().map((mapping) => ({ ...mapping })),
      ...profileInitWouldGive(root),
    },
    defaultCatalog: true,
  };
}

/**
 * The profile `init` would write, from package.json: a library's catch blocks are judged as a
 * library's before init as after it. Nothing when there is no readable package.json.
 */
function profileInitWouldGive(root: string): Pick<KitLocation, 'profile'> {
  let packageJson: unknown;
  try {
    packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  } catch {
    return {};
  }
  return isRecord(packageJson) ? { profile: profileOfPackage(packageJson) } : {};
}

export function kitLocationOf(catalog: Catalog, root: string): KitLocation {
  const target = catalog.target;
  return {
    kitDir: path.resolve(root, target.kitDir),
    importSuffix: target.importSuffix,
    ...(target.importAlias ? { importAlias: target.importAlias } : {}),
    language: target.language === 'javascript' ? 'javascript' : 'typescript',
    errorClasses: catalog.errors.map((error) => error.name),
    mappings: catalog.mappings.map((mapping) => ({ ...mapping })),
    profile: profileOf(target),
    ...(target.logger === 'project' ? { projectLogger: true } : {}),
  };
}
