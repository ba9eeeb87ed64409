import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Fixtures live per language: `__testfixtures__/<language>/<rule id>/`. */
export const FIXTURES_ROOT = join(REPO_ROOT, '__testfixtures__', 'javascript');
export const PYTHON_FIXTURES_ROOT = join(REPO_ROOT, '__testfixtures__', 'python');

export interface FixtureCase {
  transformId: string;
  /** Path relative to the transform's fixture folder, without `.input.<ext>`: the case's name. */
  name: string;
  inputPath: string;
  /** Where the expected output lives; equal to `inputPath` when the case must leave the file alone. */
  expectedPath: string;
  changes: boolean;
  extension: string;
}

/** Every `<case>.input.<ext>` under `<root>/<id>/` (subfolders included), with its expected output. */
export function fixtureCases(transformId: string, root = FIXTURES_ROOT): FixtureCase[] {
  const dir = join(root, transformId);
  return filesUnder(dir)
    .filter((path) => /\.input\.[a-z]+$/.test(path))
    .sort()
    .map((inputPath) => {
      const outputPath = inputPath.replace(/\.input\.([a-z]+)$/, '.output.$1');
      const changes = filesUnder(dirname(inputPath)).includes(outputPath);
      return {
        transformId,
        name: relative(dir, inputPath).replace(/\.input\.[a-z]+$/, ''),
        inputPath,
        expectedPath: changes ? outputPath : inputPath,
        changes,
        extension: basename(inputPath).replace(/^.*\.input\./, ''),
      };
    });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
