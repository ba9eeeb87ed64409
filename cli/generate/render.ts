import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type HandlebarsNamespace from 'handlebars';
import { lazyRequire } from '../lazy-require.js';
import { packageRoot } from '../package-root.js';
import { UsageError } from '../errors.js';
import type { Catalog } from '../catalog/model.js';
import type { DesiredFile } from '../fs/file-changes.js';
import type { PlannedFile } from './kit-plan.js';
import type { TemplateData } from './template-data.js';
import { toJavaScript } from './to-javascript.js';
import { withBareBuiltins } from '../project/builtin-specifiers.js';
import { toCommonJs } from './to-commonjs.js';
import { lowerSyntax } from './lower-syntax.js';
import { requireRelativeImports } from './require-relative-imports.js';
import { forgetProjectStyles, generatedFiles, projectStyle, type PrettierApi, type ProjectStyle } from './project-style.js';
import { fixWithLinter, linterReadsTypes } from '../project/linter.js';
import { isDeliberate, withDisableComments } from './deliberate-lint.js';
import { declareFunctionsBeforeUse, withRecursionExcused } from './declare-before-use.js';
import { isOlderLinterGap, withOlderLinterGapsDeclared } from './older-linter.js';
import { wantsImportedGlobals, withImportedGlobals } from './imported-globals.js';
import { digestOf, vouchesFor, withDigest } from './format-digest.js';
import { forgetLinterFingerprints, linterFingerprint } from './linter-fingerprint.js';
import { hasGeneratedBlock, locateGeneratedBlock } from './runbook-merge.js';
import type * as prettier from 'prettier';

/**
 * Code templates are compiled without HTML escaping (handlebars would turn `'` into `&#x27;`) and
 * in strict mode, so a value missing from the data is an error instead of an empty string.
 */
const loadHandlebars = lazyRequire<typeof HandlebarsNamespace>('handlebars');
let handlebars: typeof HandlebarsNamespace | undefined;
const compiled = new Map<string, HandlebarsTemplateDelegate>();

function template(relativePath: string): HandlebarsTemplateDelegate {
  let fn = compiled.get(relativePath);
  if (!fn) {
    const source = readFileSync(path.join(packageRoot(), 'templates', relativePath), 'utf8');
    handlebars ??= loadHandlebars().create();
    fn = handlebars.compile(source, { noEscape: true, strict: true });
    compiled.set(relativePath, fn);
  }
  return fn;
}

export function renderTemplate(relativePath: string, data: object): string {
  try {
    return template(relativePath)(data);
  } catch (error) {
    throw new Error(`template ${relativePath} failed to render: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * How a rendering may use the project's files as they are: `sync`, `add` and `check` only need
 * to know whether each file is what the catalog produces, so a formatted file whose digests still
 * vouch for it is taken as it is, and a file the user owns that exists is not rendered at all
 * (it is kept whatever it holds), unless it has a generated block to compare.
 */
export interface ExistingFiles {
  /** The file's current content, undefined when there is none; may throw for a path the project refuses. */
  read(relativePath: string): string | undefined;
}

/** Catalog errors by class name, so each runbook page finds its error without a scan of the catalog. */
const errorsByName = new WeakMap<TemplateData, Map<string, TemplateData['errors'][number]>>();

function errorNamed(data: TemplateData, name: string): TemplateData['errors'][number] | undefined {
  let byName = errorsByName.get(data);
  if (!byName) {
    byName = new Map(data.errors.map((error) => [error.name, error]));
    errorsByName.set(data, byName);
  }
  return byName.get(name);
}

/** A path the project refuses (it leaves the project) reads as no file: the command reports it when it reads the file itself. */
function readExisting(existing: ExistingFiles | undefined, relativePath: string): string | undefined {
  try {
    return existing?.read(relativePath);
  } catch {
    return undefined;
  }
}

/** Renders one planned file into the exact bytes it should have on disk. */
export async function renderPlannedFile(
  file: PlannedFile,
  data: TemplateData,
  catalog: Catalog,
  projectRoot: string,
  existing?: ExistingFiles,
): Promise<DesiredFile> {
  const fileData: Record<string, unknown> = { ...data, ...file.data };
  if (typeof file.data?.errorName === 'string') {
    fileData.error = errorNamed(data, file.data.errorName);
  }
  let text = renderTemplate(file.template, fileData);
  const current = readExisting(existing, file.path);
  if (current !== undefined && file.kind === 'owned' && !hasGeneratedBlock(text)) {
    return { path: file.path, content: current, kind: file.kind };
  }
  if (file.format === 'code' && catalog.target.language === 'javascript') {
    text = toJavaScript(text, file.path);
    if (catalog.target.moduleSystem === 'cjs') {
      text = file.keepEsm ? requireRelativeImports(text, file.path) : toCommonJs(text, file.path);
    }
    if (catalog.target.ecmaVersion !== undefined) text = lowerSyntax(text, file.path, catalog.target.ecmaVersion);
  }
  if (file.format === 'code' && catalog.target.builtinSpecifiers === 'bare') text = withBareBuiltins(text);
  const content = await formatRendered(text, file, path.join(projectRoot, file.path), projectRoot, catalog.target, current);
  return { path: file.path, content, kind: file.kind };
}

/**
 * Python has no prettier printer: its templates are written already formatted (PEP 8). Markdown
 * templates are written readable as they are, and only go through prettier when the project
 * has a prettier config that would otherwise flag them. Code always goes through prettier (the
 * JavaScript conversions leave spacing to it) and then through the project's own linter fixer.
 * What went through prettier or a linter gets a digest line (see format-digest.ts), and `current`,
 * when its digests vouch for it, stands for the formatted text.
 */
async function formatRendered(
  text: string,
  file: PlannedFile,
  absolutePath: string,
  projectRoot: string,
  target: Catalog['target'],
  current: string | undefined,
): Promise<string> {
  const { format } = file;
  if (format === 'python') return endWithOneNewline(text);
  const style = await projectStyle(projectRoot, generatedFiles(target), target.codeStyle);
  const prettierFormats = format === 'code' || (await configFileFor(path.dirname(absolutePath), style.prettier)) !== null;
  const linter = style.linter?.installed && (format === 'code' || style.linter.kind === 'eslint') ? style.linter : undefined;
  if (!prettierFormats && !linter) return endWithOneNewline(text);

  const options = prettierFormats ? await prettierOptionsFor(absolutePath, format === 'markdown' ? {} : style.prettierOptions, style.prettier) : null;
  const input = digestOf(
    file.path,
    text,
    // Plugins resolved to absolute paths would make the digest differ between two clones of the project.
    JSON.stringify(options).split(JSON.stringify(projectRoot).slice(1, -1)).join('<project>'),
    String((style.prettier as { version?: unknown }).version ?? ''),
    linter ? linterFingerprint(projectRoot, linter) : '',
  );
  const bodyOf = hasGeneratedBlock(text) ? generatedBlockBody : undefined;
  if (current !== undefined && vouchesFor(current, input, bodyOf)) return current;

  const unlintable = style.unlintable.length;
  const problems = style.lintProblems.length;
  const formatted = await formatThroughProjectTools(text, format, absolutePath, projectRoot, style, target.builtinSpecifiers !== 'bare');
  // Output that depended on the linter failing, or on the file not being on disk yet, gets no
  // digest: the next run may well lint it.
  const unsettled = style.unlintable.length > unlintable || style.lintProblems.slice(problems).some((problem) => problem.includes(' could not fix it ('));
  return unsettled ? formatted : withDigest(formatted, input, format === 'markdown' ? 'html' : 'line', bodyOf);
}

async function formatThroughProjectTools(
  text: string,
  format: 'code' | 'markdown',
  absolutePath: string,
  projectRoot: string,
  style: ProjectStyle,
  builtinScheme: boolean,
): Promise<string> {
  if (format === 'markdown') {
    const page = (await configFileFor(path.dirname(absolutePath), style.prettier))
      ? await formatForProject(text, absolutePath, {}, style.prettier)
      : endWithOneNewline(text);
    // An ESLint setup that lints Markdown (eslint-plugin-format, @eslint/markdown) formats it in its own way.
    return style.linter?.installed && style.linter.kind === 'eslint' ? fixMarkdown(page, absolutePath, projectRoot, style) : page;
  }
  const formatted = await formatForProject(text, absolutePath, style.prettierOptions, style.prettier);
  if (!style.linter?.installed) return formatted;
  const fixed = await fixCode(formatted, absolutePath, projectRoot, style, builtinScheme);
  // The linter's fixes come before the project's formatter, which has the last word when the project has one.
  return fixed !== formatted && style.prettierConfigFile ? formatForProject(fixed, absolutePath, {}, style.prettier) : fixed;
}

/** `\s*$` as a regular expression takes quadratic time on long runs of spaces; trimEnd does not. */
function endWithOneNewline(text: string): string {
  return `${text.trimEnd()}\n`;
}

/** What a runbook page's body digest covers: its generated block, whatever line endings the page has. */
function generatedBlockBody(page: string): string {
  const block = locateGeneratedBlock(page);
  return block.state === 'found' ? page.slice(block.start, block.end).replace(/\r\n/g, '\n') : '\u0000no generated block';
}

async function fixMarkdown(page: string, absolutePath: string, projectRoot: string, style: ProjectStyle): Promise<string> {
  const file = path.relative(projectRoot, absolutePath);
  try {
    const fixed = await fixWithLinter(projectRoot, style.linter!, page, absolutePath);
    // Markdown the linter does not parse is no problem of the page's.
    if (fixed.remaining.some((problem) => problem.ruleId === null)) return page;
    style.lintProblems.push(...fixed.remaining.map((problem) => `${file}:${problem.line}: ${problem.ruleId}: ${problem.message.split('\n')[0]}`));
    return fixed.output;
  } catch {
    // A linter that cannot read Markdown at all leaves the page as the formatter made it.
    return page;
  }
}

/** Code through the project's own linter fixer; what it cannot fix is kept in `style` for the user. */
/** `builtinScheme`: whether Node's modules are named `node:x` in this kit. */
async function fixCode(formatted: string, absolutePath: string, projectRoot: string, style: ProjectStyle, builtinScheme: boolean): Promise<string> {
  if (!style.linter) return formatted;
  const file = path.relative(projectRoot, absolutePath);
  try {
    if (!existsSync(absolutePath) && (await linterReadsTypes(projectRoot, style.linter, absolutePath))) {
      style.unlintable.push({ file, reason: 'its rules read types from a TypeScript program, which holds only files on disk' });
      return formatted;
    }
    let fixed = await fixWithLinter(projectRoot, style.linter, formatted, absolutePath);
    // Each move can bring a helper's own helpers into question, so the linter is asked again.
    for (let round = 0; round < 4 && style.linter.kind !== 'biome'; round++) {
      const reordered = declareFunctionsBeforeUse(fixed.output, absolutePath, fixed.remaining);
      if (reordered === undefined) break;
      fixed = await fixWithLinter(projectRoot, style.linter, reordered, absolutePath);
    }
    const recursion = style.linter.kind === 'biome' ? undefined : withRecursionExcused(fixed.output, absolutePath, fixed.remaining);
    if (recursion !== undefined) fixed = await fixWithLinter(projectRoot, style.linter, recursion, absolutePath);
    if (style.linter.kind !== 'biome' && fixed.remaining.some(isDeliberate)) {
      fixed = await fixWithLinter(projectRoot, style.linter, withDisableComments(fixed.output, fixed.remaining), absolutePath);
    }
    if (style.linter.kind !== 'biome' && wantsImportedGlobals(fixed.remaining)) {
      fixed = await fixWithLinter(projectRoot, style.linter, withImportedGlobals(fixed.output, fixed.remaining, builtinScheme), absolutePath);
    }
    const output = fixed.output;
    if (style.linter.kind !== 'biome' && fixed.remaining.some((problem) => isOlderLinterGap(problem, output))) {
      fixed = await fixWithLinter(projectRoot, style.linter, withOlderLinterGapsDeclared(output, fixed.remaining), absolutePath);
    }
    // A parse error here is the linter's setup refusing a file that is not on disk yet (type-aware
    // rules need it in a tsconfig program): the prettier output stands, and the user is told.
    const unparsed = fixed.remaining.find((problem) => problem.ruleId === null);
    if (unparsed) {
      style.unlintable.push({ file, reason: unparsed.message.split('\n')[0]!.replace(absolutePath, file) });
      return formatted;
    }
    style.lintProblems.push(...fixed.remaining.map((problem) => `${file}:${problem.line}: ${problem.ruleId}: ${problem.message.split('\n')[0]}`));
    if (fixed.output !== formatted) style.linterFixed.push(file);
    return fixed.output;
  } catch (error) {
    style.lintProblems.push(`${file}: ${style.linter.packageName} could not fix it (${(error as Error).message.split('\n')[0]})`);
    return formatted;
  }
}

/**
 * prettier's search for a configuration file took ~20 ms a file, and runbook pages all share one
 * folder: asked once per folder, a catalog of 5,000 errors no longer waits minutes for the same answer.
 * Forgotten at the start of each rendering, so a configuration added meanwhile is seen.
 */
const configFiles = new Map<string, Promise<string | null>>();

function configFileFor(directory: string, prettierModule: PrettierApi): Promise<string | null> {
  let found = configFiles.get(directory);
  if (found === undefined) {
    found = prettierModule.resolveConfigFile(path.join(directory, 'x.md'));
    configFiles.set(directory, found);
  }
  return found;
}

/** Forgets prettier lookups and the project's style, so a rendering sees configuration changed meanwhile. */
export function forgetPrettierLookups(): void {
  configFiles.clear();
  forgetProjectStyles();
  forgetLinterFingerprints();
}

/**
 * Formats with prettier: with the project's own prettier configuration when it has one, else
 * with `fallback` (the style of its linter or of its own files) under its .editorconfig.
 */
export async function formatForProject(
  text: string,
  absolutePath: string,
  fallback: prettier.Options = {},
  prettierModule: PrettierApi | undefined = undefined,
): Promise<string> {
  // Loaded on first use: commands that end early (help, usage errors) should not pay for prettier.
  prettierModule ??= await import('prettier');
  const options = await prettierOptionsFor(absolutePath, fallback, prettierModule);
  return prettierModule.format(text, { ...options, filepath: absolutePath });
}

/** The options prettier formats `absolutePath` with: its configuration's, else `fallback` under .editorconfig. */
async function prettierOptionsFor(absolutePath: string, fallback: prettier.Options, prettierModule: PrettierApi): Promise<prettier.Options> {
  const hasConfig = (await configFileFor(path.dirname(absolutePath), prettierModule)) !== null;
  const config = (await projectPrettierConfig(absolutePath, prettierModule)) ?? {};
  return hasConfig ? config : { ...fallback, ...config };
}

/**
 * The project's prettier configuration for a file. One that cannot be loaded (a shared config in a
 * package not installed yet, a syntax error) is the project's to mend, and the user is told how.
 */
async function projectPrettierConfig(absolutePath: string, prettierModule: PrettierApi): Promise<prettier.Options | null> {
  try {
    return await prettierModule.resolveConfig(absolutePath, { editorconfig: true });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    const first = message.split('\n')[0];
    throw new UsageError(
      missing
        ? `cannot load the project's prettier configuration: ${first} — install the project's dependencies and run again`
        : `cannot read the project's prettier configuration: ${first} — fix it and run again`,
    );
  }
}
