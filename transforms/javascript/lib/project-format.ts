/**
 * Inserted code formatted as the project formats its own: when the project has a prettier
 * configuration and a file passed its prettier check before the transforms ran, the transformed text goes through prettier with the same options,
 * so the file stays prettier-clean (print width, semicolons, quotes, bracket spacing, trailing
 * commas). A file prettier would already have changed is left as the transforms wrote it: formatting
 * it would rewrite lines nobody asked to touch.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Prettier from 'prettier';

const require = createRequire(import.meta.url);
let prettierModule: typeof Prettier | undefined;
// Loaded only when a file changed: most runs of audit and migrate never need it.
const loadPrettier = (): typeof Prettier => (prettierModule ??= require('prettier') as typeof Prettier);

export async function formatLikeProject(filePath: string, before: string, after: string): Promise<string> {
  try {
    const prettier = loadPrettier();
    const ignorePath = nearestIgnoreFile(path.dirname(filePath));
    const info = await prettier.getFileInfo(filePath, { resolveConfig: true, ...(ignorePath === undefined ? {} : { ignorePath }) });
    if (info.ignored || info.inferredParser === null) return after;
    // Without a configuration of its own the project is not known to use prettier at all.
    const config = await prettier.resolveConfig(filePath, { editorconfig: false });
    if (config === null) return after;
    const options = { ...config, filepath: filePath };
    if (!(await prettier.check(before, options))) return after;
    return await prettier.format(after, options);
  } catch {
    // A plugin the config names but this process cannot load, or a syntax prettier does not read:
    // the transforms' own layout stands.
    return after;
  }
}

/** The `.prettierignore` prettier would read when run from the project: the nearest one above the file. */
function nearestIgnoreFile(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, '.prettierignore');
    if (existsSync(candidate)) return candidate;
    if (existsSync(path.join(current, '.git')) || path.dirname(current) === current) return undefined;
  }
}
