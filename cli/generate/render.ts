import { readFileSync } from 'node:fs';
import path from 'node:path';
import type HandlebarsNamespace from 'handlebars';
import { lazyRequire } from '../lazy-require.js';
import { packageRoot } from '../package-root.js';
import type { Catalog } from '../catalog/model.js';
import type { DesiredFile } from '../fs/file-changes.js';
import type { PlannedFile } from './kit-plan.js';
import type { TemplateData } from './template-data.js';
import { toJavaScript } from './to-javascript.js';
import { toCommonJs } from './to-commonjs.js';
import { requireRelativeImports } from './require-relative-imports.js';

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

/** Renders one planned file into the exact bytes it should have on disk. */
export async function renderPlannedFile(
  file: PlannedFile,
  data: TemplateData,
  catalog: Catalog,
  projectRoot: string,
): Promise<DesiredFile> {
  const fileData: Record<string, unknown> = { ...data, ...file.data };
  if (typeof file.data?.errorName === 'string') {
    fileData.error = data.errors.find((e) => e.name === file.data?.errorName);
  }
  let text = renderTemplate(file.template, fileData);
  if (file.format === 'code' && catalog.target.language === 'javascript') {
    text = toJavaScript(text, file.path);
    if (catalog.target.moduleSystem === 'cjs') {
      text = file.keepEsm ? requireRelativeImports(text, file.path) : toCommonJs(text, file.path);
    }
  }
  const content = await formatRendered(text, file.format, path.join(projectRoot, file.path));
  return { path: file.path, content, kind: file.kind };
}

/**
 * Python has no prettier printer: its templates are written already formatted (PEP 8). Markdown
 * templates are written readable as they are, and only go through prettier when the project
 * has a prettier config that would otherwise flag them. Code always goes through prettier: the
 * JavaScript conversions leave spacing to it.
 */
async function formatRendered(text: string, format: PlannedFile['format'], absolutePath: string): Promise<string> {
  if (format === 'python') return text.replace(/\s*$/, '\n');
  if (format === 'markdown' && !(await configFileFor(path.dirname(absolutePath)))) return text.replace(/\s*$/, '\n');
  return formatForProject(text, absolutePath);
}

/**
 * prettier's search for a configuration file took ~20 ms a file, and runbook pages all share one
 * folder: asked once per folder, a catalog of 5,000 errors no longer waits minutes for the same answer.
 * Forgotten at the start of each rendering, so a configuration added meanwhile is seen.
 */
const configFiles = new Map<string, Promise<string | null>>();

function configFileFor(directory: string): Promise<string | null> {
  let found = configFiles.get(directory);
  if (found === undefined) {
    found = import('prettier').then((prettier) => prettier.resolveConfigFile(path.join(directory, 'x.md')));
    configFiles.set(directory, found);
  }
  return found;
}

export function forgetPrettierLookups(): void {
  configFiles.clear();
}

/** Formats with prettier, using the project's own prettier configuration when it has one. */
export async function formatForProject(text: string, absolutePath: string): Promise<string> {
  // Loaded on first use: commands that end early (help, usage errors) should not pay for prettier.
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(absolutePath, { editorconfig: true })) ?? {};
  return prettier.format(text, { ...config, filepath: absolutePath });
}
