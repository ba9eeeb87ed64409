import { existsSync, lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { crossCheckCatalog } from './catalog-checks.js';
import { pointerToDisplayPath } from './json-path.js';
import { JsonSyntaxError, parseLocatedJson, type LocatedJson, type SourcePosition } from './located-json.js';
import type { Catalog } from './model.js';
import { validateAgainstSchema } from './schema-validator.js';

export const CATALOG_FILE = 'faultline.catalog.json';

interface LocatedProblem {
  position: SourcePosition | undefined;
  message: string;
}

/** The nearest `faultline.catalog.json` in `startDir` or one of its ancestors. */
export function findCatalog(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CATALOG_FILE);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    refuseDanglingLink(candidate);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A catalog that is a link to nothing is a mistake to fix, not a project without a catalog. */
export function refuseDanglingLink(path: string): void {
  let target: string;
  try {
    if (!lstatSync(path).isSymbolicLink() || existsSync(path)) return;
    target = readlinkSync(path);
  } catch {
    return;
  }
  throw new UsageError(`${displayPath(path)} is a link to ${target}, which does not exist — point the link at the catalog, or remove it`);
}

/**
 * Parses and validates a catalog. Every problem found is reported at once, one line each as
 * `file:line:column: message`, in a single UsageError whose first line sums them up.
 */
export function parseCatalog(text: string, filePath: string): Catalog {
  let located: LocatedJson;
  try {
    located = parseLocatedJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new UsageError(
      `${filePath} is not valid JSON — fix it and run again:\n${filePath}:${error.position.line}:${error.position.column}: ${error.reason}`,
    );
  }

  const problems: LocatedProblem[] = [];
  const at = (pointer: string, key = false): SourcePosition | undefined => {
    const location = located.locations.get(pointer);
    return key ? (location?.key ?? location?.value) : location?.value;
  };
  const where = (position: SourcePosition | undefined): string => (position ? `${filePath}:${position.line}:${position.column}` : filePath);

  for (const duplicate of located.duplicateKeys) {
    problems.push({
      position: duplicate.second,
      message: `${pointerToDisplayPath(duplicate.pointer)} is given twice in one object (first at ${where(duplicate.first)}) — keep one`,
    });
  }
  for (const problem of validateAgainstSchema(located.value)) {
    problems.push({ position: at(problem.pointer, problem.atKey), message: `${pointerToDisplayPath(problem.pointer)} ${problem.message}` });
  }
  for (const problem of crossCheckCatalog(located.value)) {
    const related = problem.relatedPointer === undefined ? '' : ` (first at ${where(at(problem.relatedPointer))})`;
    problems.push({ position: at(problem.pointer), message: `${pointerToDisplayPath(problem.pointer)} ${problem.message}${related}` });
  }

  if (problems.length > 0) {
    problems.sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0));
    const summary = `${filePath} is not a valid catalog (${problems.length} problem${problems.length === 1 ? '' : 's'}) — fix ${problems.length === 1 ? 'it' : 'them'} and run again:`;
    throw new UsageError([summary, ...problems.map((problem) => `${where(problem.position)}: ${problem.message}`)].join('\n'));
  }

  const catalog = located.value as Catalog;
  return { ...catalog, mappings: catalog.mappings ?? [] };
}

/**
 * Reads `<projectRoot>/faultline.catalog.json`. Only that file: kit and runbook paths are
 * relative to the catalog's directory, so silently using a catalog further up would write
 * elsewhere than the user expects. When there is one further up, the message says how to use it.
 */
export function loadCatalog(projectRoot: string): { catalog: Catalog; path: string } {
  const root = resolve(projectRoot);
  const path = join(root, CATALOG_FILE);
  refuseDanglingLink(path);
  if (!existsSync(path)) {
    const elsewhere = findCatalog(dirname(root));
    const hint = elsewhere ? ` (there is one in ${dirname(elsewhere)}: pass --cwd ${dirname(elsewhere)} to use it)` : '';
    throw new UsageError(`no ${CATALOG_FILE} found in ${root} — run \`faultline init\` first${hint}`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message} — check that it is a readable file`);
  }
  return { catalog: parseCatalog(text, displayPath(path)), path };
}

/** Relative to the working directory when inside it, so terminals and editors can open `file:line:column`. */
function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
}
