import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as prettier from 'prettier';
import type { CatalogTarget, CodeStyle } from '../catalog/model.js';
import { kitTestPath } from './kit-plan.js';
import { inferCodeStyle } from '../project/code-style.js';
import { detectLinter, type ProjectLinter } from '../project/linter.js';
import { findPrettierConfig } from '../project/prettier-config.js';
import { oxfmtStyle } from '../project/oxfmt-config.js';
import { isRecord, readJsonFile } from '../project/read-json-file.js';

/** The part of prettier's API faultline uses; prettier 2 and 3 both have it (2's `format` is synchronous). */
export interface PrettierApi {
  format(text: string, options: prettier.Options): string | Promise<string>;
  resolveConfig(filePath: string, options?: prettier.ResolveConfigOptions): Promise<prettier.Options | null>;
  resolveConfigFile(filePath?: string): Promise<string | null>;
}

/** How generated code is made to look like the project's own, decided once per project and command. */
export interface ProjectStyle {
  /**
   * The project's own installed prettier, else faultline's: versions print some code differently,
   * and the project's `prettier --check` (or eslint-plugin-prettier) judges by its own.
   */
  prettier: PrettierApi;
  /** The project's prettier config file, which then decides formatting alone. */
  prettierConfigFile: string | null;
  /** Prettier options for projects without a prettier config: their linter's style, else their files'. */
  prettierOptions: prettier.Options;
  linter: ProjectLinter | null;
  /** A formatter other than prettier whose settings `prettierOptions` carries (oxfmt). */
  formatter: 'oxfmt' | null;
  /** Problems the project's linter reported in generated files and could not fix. */
  lintProblems: string[];
  /** Generated files the linter could not check in memory, and why. */
  unlintable: Array<{ file: string; reason: string }>;
  /** Generated files the linter's fixer changed in memory. */
  linterFixed: string[];
}

/** The kit's folder and its test file, as globs relative to the project root. */
export function generatedFiles(target: CatalogTarget): string[] {
  return [`${target.kitDir.replace(/\/+$/, '')}/**`, kitTestPath(target)];
}

const styles = new Map<string, Promise<ProjectStyle>>();

export function forgetProjectStyles(): void {
  styles.clear();
}

/**
 * `generated`: globs of the files faultline writes, which must not count as the project's own
 * style; `recorded`: the style the catalog kept from `init`, used instead of learning it again.
 */
export function projectStyle(root: string, generated: string[], recorded?: CodeStyle): Promise<ProjectStyle> {
  const key = path.resolve(root);
  let style = styles.get(key);
  if (!style) {
    style = detectStyle(key, generated, recorded);
    styles.set(key, style);
  }
  return style;
}

async function detectStyle(root: string, generated: string[], recorded: CodeStyle | undefined): Promise<ProjectStyle> {
  const packageJsonPath = path.join(root, 'package.json');
  const packageJson = existsSync(packageJsonPath) ? await readJsonFile(packageJsonPath) : {};
  const linter = await detectLinter(root, isRecord(packageJson) ? packageJson : {});
  const prettierConfigFile = await findPrettierConfig(root);
  const inferred = prettierConfigFile ? {} : (recorded ?? (await inferCodeStyle(root, generated)));
  // A formatter other than prettier that checks the project's files has the last word on their style.
  const formatter = prettierConfigFile ? undefined : await oxfmtStyle(root, dependencyNames(packageJson));
  return { prettier: await projectPrettier(root), prettierConfigFile, prettierOptions: { ...inferred, ...linter?.style, ...formatter }, linter, formatter: formatter ? 'oxfmt' : null, lintProblems: [], unlintable: [], linterFixed: [] };
}

function dependencyNames(packageJson: unknown): Set<string> {
  const names = new Set<string>();
  for (const field of ['dependencies', 'devDependencies']) {
    const section = isRecord(packageJson) ? packageJson[field] : undefined;
    if (isRecord(section)) for (const name of Object.keys(section)) names.add(name);
  }
  return names;
}

async function projectPrettier(root: string): Promise<PrettierApi> {
  try {
    const resolved = createRequire(path.join(root, 'package.json')).resolve('prettier');
    const module = (await import(pathToFileURL(resolved).href)) as Partial<PrettierApi> & { default?: Partial<PrettierApi> };
    // prettier 2 is CommonJS: Node finds `format` among its named exports but not `resolveConfigFile`.
    const api = [module.default, module].find((candidate) => typeof candidate?.format === 'function' && typeof candidate.resolveConfigFile === 'function');
    if (api) return api as PrettierApi;
  } catch {
    // Not installed in the project (or unloadable): faultline's own prettier formats alike for most code.
  }
  return import('prettier');
}

/**
 * What `init` tells the user about how the kit was fitted to the project's style: which
 * formatter and fixer shaped it, and what the project's linter still reports in it.
 */
export async function styleNotes(root: string, target: CatalogTarget): Promise<string[]> {
  const style = await projectStyle(root, generatedFiles(target));
  const notes: string[] = [];
  const { linter } = style;
  if (style.prettierConfigFile) notes.push(`formatted with the project's prettier config (${path.relative(root, style.prettierConfigFile) || 'package.json'})`);
  else if (style.formatter) notes.push(`formatted with the project's ${style.formatter} settings: ${describeStyle(style.prettierOptions)}`);
  else if (Object.keys(style.prettierOptions).length > 0) notes.push(`formatted in the style of the project's ${linter?.kind === 'standard' || linter?.kind === 'ts-standard' || linter?.kind === 'semistandard' || linter?.kind === 'xo' || linter?.kind === 'biome' ? linter.packageName + ' setup' : 'own files'}: ${describeStyle(style.prettierOptions)}`);
  if (linter?.installed) notes.push(`fixed with the project's ${linter.packageName}`);
  else if (linter) {
    notes.push(`${linter.packageName} is not installed, so it could not fix the kit; after installing, run \`npx faultline sync\` to format it again`);
  }
  if (style.unlintable.length > 0) {
    const files = style.unlintable.map((entry) => entry.file);
    notes.push(
      `${linter?.packageName ?? 'the linter'} could not check ${files.length} generated file(s) (${files.join(', ')}), so only the formatter shaped them: ${style.unlintable[0]!.reason.replace(/<tsconfigRootDir>\//g, '')}`,
    );
  }
  if (style.lintProblems.length > 0) {
    notes.push(`${linter?.packageName ?? 'the linter'} still reports ${style.lintProblems.length} problem(s) in generated files:`, ...style.lintProblems.map((p) => `  ${p}`));
  }
  return notes;
}

function describeStyle(options: prettier.Options): string {
  const parts: string[] = [];
  if (options.singleQuote !== undefined) parts.push(options.singleQuote ? 'single quotes' : 'double quotes');
  if (options.semi !== undefined) parts.push(options.semi ? 'semicolons' : 'no semicolons');
  if (options.useTabs) parts.push('tabs');
  else if (options.tabWidth !== undefined) parts.push(`${options.tabWidth}-space indents`);
  if (options.trailingComma !== undefined) parts.push(options.trailingComma === 'none' ? 'no trailing commas' : 'trailing commas');
  if (options.bracketSpacing === false) parts.push('no spaces inside braces');
  if (options.arrowParens === 'avoid') parts.push('bare arrow parameters');
  if (options.printWidth !== undefined) parts.push(`${options.printWidth}-column lines`);
  return parts.join(', ');
}

/**
 * The style to record in a new catalog: what the project's own files show, when it has no
 * prettier config (which then decides alone, now and later). An empty style is recorded too: it
 * says prettier's defaults were chosen, so files written later cannot change that choice.
 */
export async function styleToRecord(root: string, target: CatalogTarget): Promise<CodeStyle | undefined> {
  if ((await findPrettierConfig(root)) !== null) return undefined;
  return inferCodeStyle(root, generatedFiles(target));
}
