import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { newCatalog } from '../../cli/catalog/defaults.js';
import type { Catalog, CatalogTarget, RunbookNames } from '../../cli/catalog/model.js';
import { RUNBOOK_NAMES, runbookPageName } from '../../cli/catalog/runbook-names.js';
import { planKitFiles } from '../../cli/generate/kit-plan.js';
import { renderTemplate } from '../../cli/generate/render.js';
import { buildTemplateData } from '../../cli/generate/template-data.js';

/**
 * The kits' problem-details links end in the runbook page's name, which the handlers compute from a
 * code at run time while the generator names the pages: for every naming, both must spell every
 * code alike, digits and single words included.
 */
const codes = ['NOT_FOUND', 'INTERNAL', 'HTTP2_UPSTREAM_FAILED', 'RATE_LIMITED_3X', 'A_B_C'];

function catalogFor(target: Partial<CatalogTarget>): Catalog {
  return newCatalog({
    language: 'typescript', moduleSystem: 'esm', importSuffix: '.js', kitDir: 'src/errors', runbookDir: 'docs/runbooks',
    framework: 'none', logger: 'console', testRunner: 'node:test', docsBaseUrl: 'https://docs.example.com/errors', ...target,
  });
}

function renderedHandler(catalog: Catalog, ending: string): string {
  const file = planKitFiles(catalog).find((planned) => planned.path.endsWith(ending));
  if (!file) throw new Error(`no ${ending} planned`);
  return renderTemplate(file.template, { ...buildTemplateData(catalog, 'demo', 'faultline.catalog.json'), ...file.data });
}

function typescriptPageNames(names: RunbookNames): string[] {
  const handler = renderedHandler(catalogFor({ runbookNames: names }), '/handler.ts');
  const source = /^function runbookPage\(code: string\): string \{\n[\s\S]*?\n\}$/m.exec(handler)?.[0];
  if (!source) throw new Error('the handler has no runbookPage function');
  const javascript = ts.transpileModule(`${source}\nreturn codes.map(runbookPage);`, { compilerOptions: { target: ts.ScriptTarget.ES2020 } }).outputText;
  return new Function('codes', javascript)(codes) as string[];
}

function pythonPageNames(names: RunbookNames): string[] {
  const handler = renderedHandler(catalogFor({ language: 'python', kitDir: 'app/errors', testRunner: 'unittest', runbookNames: names }), '/handler.py');
  const source = /^def _runbook_page\(code: str\) -> str:\n(?: {4}.*\n)+/m.exec(handler)?.[0];
  if (!source) throw new Error('the handler has no _runbook_page function');
  const script = `import json, sys\n${source}\nprint(json.dumps([_runbook_page(code) for code in json.loads(sys.argv[1])]))\n`;
  return JSON.parse(execFileSync('python3', ['-c', script, JSON.stringify(codes)], { encoding: 'utf8' })) as string[];
}

describe("the kits' problem-details links and the runbook pages' names", () => {
  const renamed = RUNBOOK_NAMES.filter((names) => names !== 'CODE');

  it.each(renamed)('agree in the TypeScript kit for %s', (names) => {
    expect(typescriptPageNames(names)).toEqual(codes.map((code) => runbookPageName(code, names)));
  });

  it.each(renamed)('agree in the Python kit for %s', (names) => {
    expect(pythonPageNames(names)).toEqual(codes.map((code) => runbookPageName(code, names)));
  });

  it('are the code itself when pages are named after it, as in catalogs without runbookNames', () => {
    const typescript = renderedHandler(catalogFor({}), '/handler.ts');
    expect(typescript).toContain('`${DOCS_BASE_URL}/${appError.code}`');
    expect(typescript).not.toContain('runbookPage');
    const python = renderedHandler(catalogFor({ language: 'python', kitDir: 'app/errors', testRunner: 'unittest' }), '/handler.py');
    expect(python).toContain("f'{DOCS_BASE_URL}/{app_error.code}'");
    expect(python).not.toContain('_runbook_page');
  });
});
