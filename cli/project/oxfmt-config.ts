import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as prettier from 'prettier';
import { isRecord, JSONC, readJsonFile } from './read-json-file.js';
import { repositoryAncestors } from './repository-ancestors.js';

const OXFMT_CONFIG_FILES = ['.oxfmtrc.json', '.oxfmtrc.jsonc'];

/** The options oxfmt shares with prettier, under the same names. */
const SHARED_OPTIONS = ['printWidth', 'tabWidth', 'useTabs', 'semi', 'singleQuote', 'jsxSingleQuote', 'quoteProps', 'trailingComma', 'bracketSpacing', 'bracketSameLine', 'arrowParens', 'endOfLine'];

/**
 * oxfmt formats like prettier, under prettier's option names, but with lines of 100 columns by
 * default. A project that checks its files with oxfmt (a dependency, or its config file) gets the
 * kit formatted with oxfmt's settings in prettier's terms; undefined for any other project.
 */
export async function oxfmtStyle(root: string, dependencies: ReadonlySet<string>): Promise<prettier.Options | undefined> {
  let config: unknown;
  for (const dir of repositoryAncestors(root)) {
    const file = OXFMT_CONFIG_FILES.map((name) => join(dir, name)).find((candidate) => existsSync(candidate));
    if (file) {
      config = await readJsonFile(file, JSONC);
      break;
    }
  }
  if (config === undefined && !dependencies.has('oxfmt')) return undefined;
  const chosen = isRecord(config) ? Object.fromEntries(SHARED_OPTIONS.filter((key) => config[key] !== undefined).map((key) => [key, config[key]])) : {};
  return { printWidth: 100, tabWidth: 2, useTabs: false, semi: true, singleQuote: false, trailingComma: 'all', bracketSpacing: true, arrowParens: 'always', ...chosen };
}
