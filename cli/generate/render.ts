import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import * as prettier from 'prettier';
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
const handlebars = Handlebars.create();
const compiled = new Map<string, HandlebarsTemplateDelegate>();

function template(relativePath: string): HandlebarsTemplateDelegate {
  let fn = compiled.get(relativePath);
  if (!fn) {
    const source = readFileSync(path.join(packageRoot(), 'templates', relativePath), 'utf8');
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
  // prettier has no Python printer; Python templates are written already formatted (PEP 8).
  const content = file.format === 'python' ? text.replace(/\s*$/, '\n') : await formatForProject(text, path.join(projectRoot, file.path));
  return { path: file.path, content, kind: file.kind };
}

/** Formats with prettier, using the project's own prettier configuration when it has one. */
export async function formatForProject(text: string, absolutePath: string): Promise<string> {
  const config = (await prettier.resolveConfig(absolutePath, { editorconfig: true })) ?? {};
  return prettier.format(text, { ...config, filepath: absolutePath });
}
