/**
 * The `import/order` settings the project's own ESLint applies to a file (eslint-plugin-import, or
 * its fork eslint-plugin-import-x), so an import migrate adds lands where that rule wants it, and
 * whether simple-import-sort or perfectionist keeps groups of imports apart. The
 * configuration is asked of the project's ESLint, with every `extends` and override applied: a
 * shared config (`@vercel/style-guide`, airbnb) sets the rule as often as the project does.
 * Loading ESLint and a shared config takes seconds, so it is done only when a file gained an
 * import and the plugin is installed at all.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ImportOrderOptions, KitLocation } from '../../transforms/types.js';
import { eslintConfigReader, type EslintConfigReader } from '../project/linter.js';
import { isRecord } from '../project/read-json-file.js';
import { repositoryAncestors } from '../project/repository-ancestors.js';

const PLUGINS = ['eslint-plugin-import', 'eslint-plugin-import-x', 'eslint-plugin-i', 'eslint-plugin-simple-import-sort', 'eslint-plugin-perfectionist'];
const RULES = ['import/order', 'import-x/order'];

/** What the project's import rules ask of one file, as the kit's location carries it to the transforms. */
export type ImportRules = Pick<KitLocation, 'importOrder' | 'importGroupsApart'>;

/** The rules for one file: undefined when none is on, or ESLint cannot tell. */
export type ImportOrderOf = (absolutePath: string) => Promise<ImportRules | undefined>;

export function importOrderReader(root: string): ImportOrderOf | undefined {
  if (!hasImportPlugin(root)) return undefined;
  let engine: Promise<EslintConfigReader | undefined> | undefined;
  return async (absolutePath) => {
    // No ESLint the project can load: nothing to follow but the file.
    engine ??= eslintConfigReader(root).catch(() => undefined);
    const eslint = await engine;
    if (eslint === undefined) return undefined;
    try {
      return rulesFrom(await eslint.configFor(absolutePath));
    } catch {
      // A file the configuration ignores, or a configuration ESLint cannot load: the file's own order decides.
      return undefined;
    }
  };
}

/** Whether the plugin is installed where the project's ESLint would load it (hoisted, or in pnpm's store). */
function hasImportPlugin(root: string): boolean {
  return repositoryAncestors(root).some((dir) => {
    const modules = path.join(dir, 'node_modules');
    if (PLUGINS.some((name) => existsSync(path.join(modules, name)))) return true;
    const store = path.join(modules, '.pnpm');
    if (!existsSync(store)) return false;
    try {
      return readdirSync(store).some((entry) => PLUGINS.some((name) => entry.startsWith(`${name}@`)));
    } catch {
      return false;
    }
  });
}

/**
 * import/order's settings, and whether a sorting rule keeps kinds of module in groups a blank line
 * apart: simple-import-sort always does, perfectionist's sort-imports unless told not to.
 */
export function rulesFrom(config: unknown): ImportRules | undefined {
  const importOrder = optionsFrom(config);
  const rules = isRecord(config) && isRecord(config.rules) ? config.rules : {};
  const [simpleSort] = asSetting(rules['simple-import-sort/imports']);
  const [perfectionist, perfectionistOptions] = asSetting(rules['perfectionist/sort-imports']);
  const perfectionistApart =
    isOn(perfectionist) && !(isRecord(perfectionistOptions) && (perfectionistOptions.newlinesBetween === 'never' || perfectionistOptions.newlinesBetween === 'ignore' || perfectionistOptions.newlinesBetween === 0));
  const importGroupsApart = isOn(simpleSort) || perfectionistApart;
  if (importOrder === undefined && !importGroupsApart) return undefined;
  return { ...(importOrder ? { importOrder } : {}), ...(importGroupsApart ? { importGroupsApart: true } : {}) };
}

function asSetting(value: unknown): [unknown, unknown] {
  return Array.isArray(value) ? [value[0], value[1]] : [value, undefined];
}

function isOn(severity: unknown): boolean {
  return severity !== undefined && severity !== 0 && severity !== 'off' && severity !== '0';
}

/** The rule's options from a resolved configuration, its defaults filled in; undefined when it is off. */
export function optionsFrom(config: unknown): ImportOrderOptions | undefined {
  if (!isRecord(config) || !isRecord(config.rules)) return undefined;
  const rules = config.rules;
  const setting = RULES.map((rule) => rules[rule]).find((value) => value !== undefined);
  const [severity, options] = asSetting(setting);
  if (!isOn(severity)) return undefined;
  const given = isRecord(options) ? options : {};
  const result: ImportOrderOptions = { groups: DEFAULT_GROUPS };
  if (Array.isArray(given.groups)) {
    result.groups = given.groups.filter((group): group is string | string[] => typeof group === 'string' || (Array.isArray(group) && group.every((item) => typeof item === 'string')));
  }
  if (Array.isArray(given.pathGroups)) {
    result.pathGroups = given.pathGroups.filter(isRecord).flatMap((group) => {
      if (typeof group.pattern !== 'string' || typeof group.group !== 'string') return [];
      const position = group.position === 'before' || group.position === 'after' ? group.position : undefined;
      return [{ pattern: group.pattern, group: group.group, ...(position ? { position } : {}), ...(isRecord(group.patternOptions) ? { patternOptions: group.patternOptions } : {}) }];
    });
  }
  if (Array.isArray(given.pathGroupsExcludedImportTypes)) {
    result.pathGroupsExcludedImportTypes = given.pathGroupsExcludedImportTypes.filter((type): type is string => typeof type === 'string');
  }
  const newlines = given['newlines-between'];
  if (newlines === 'always' || newlines === 'never' || newlines === 'always-and-inside-groups' || newlines === 'ignore') result.newlinesBetween = newlines;
  if (isRecord(given.alphabetize) && (given.alphabetize.order === 'asc' || given.alphabetize.order === 'desc')) {
    result.alphabetize = { order: given.alphabetize.order, caseInsensitive: given.alphabetize.caseInsensitive === true };
  }
  return result;
}

/** The rule's default groups; the kinds it leaves out share one rank after them. */
const DEFAULT_GROUPS = ['builtin', 'external', 'parent', 'sibling', 'index'];
