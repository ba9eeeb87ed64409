import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCatalog } from '../../cli/catalog/defaults.js';
import type { CatalogTarget } from '../../cli/catalog/model.js';
import { planKitFiles } from '../../cli/generate/kit-plan.js';
import { buildTemplateData } from '../../cli/generate/template-data.js';
import { packageRoot } from '../../cli/package-root.js';
import { TYPESCRIPT_TARGET } from '../catalog/fixtures.js';
import { convertModules, packageJson, runNode, tsconfig, tscPath, writeFiles, type ModuleSystem } from './conversion-helpers.js';

const kitTemplates = path.join(packageRoot(), 'templates', 'typescript', 'kit');

const baseTarget: CatalogTarget = TYPESCRIPT_TARGET;

/** Every choice that changes what a template renders to. */
const targets: CatalogTarget[] = (['express', 'fastify', 'hono', 'none'] as const).flatMap((framework) =>
  (['pino', 'console'] as const).flatMap((logger) =>
    (['vitest', 'jest', 'node:test'] as const).map((testRunner, index) => ({
      ...baseTarget,
      framework,
      logger,
      testRunner,
      docsBaseUrl: index === 0 ? 'https://docs.example.com/errors' : null,
    })),
  ),
);

function render(templatePath: string, target: CatalogTarget): string {
  const data = buildTemplateData(newCatalog(target), 'demo-service', 'faultline.catalog.json');
  const template = Handlebars.compile(readFileSync(templatePath, 'utf8'), { noEscape: true, strict: true });
  return template(data);
}

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'faultline-kit-convert-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the kit templates, converted', () => {
  const templates = readdirSync(kitTemplates, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts.hbs'))
    .sort();

  it('exist', () => {
    expect(templates).toContain('app-error.ts.hbs');
  });

  it('give JavaScript and CommonJS that Node accepts, for every rendering of every template', () => {
    // Renderings that differ only in choices a template ignores are the same module: check each once.
    const sources: Record<string, string> = {};
    const seen = new Set<string>();
    for (const template of templates) {
      for (const target of targets) {
        const source = render(path.join(kitTemplates, template), target);
        if (seen.has(source)) continue;
        seen.add(source);
        sources[`${seen.size}-${template.replace(/\.hbs$/, '').replaceAll(path.sep, '-')}`] = source;
      }
    }
    for (const moduleSystem of ['esm', 'cjs'] as const) {
      const directory = path.join(root, `check-${moduleSystem}`);
      const converted = convertModules(sources, moduleSystem);
      writeFiles(directory, { ...converted, 'package.json': packageJson(moduleSystem) });
      for (const name of Object.keys(converted)) {
        const check = runNode(['--check', name], directory);
        expect(check.output, `${moduleSystem} ${name}`).toBe('');
        expect(check.status, `${moduleSystem} ${name}`).toBe(0);
      }
    }
  });

  describe("run the kit's own tests like the compiled TypeScript does", () => {
    const target: CatalogTarget = { ...baseTarget, framework: 'none', logger: 'console', testRunner: 'node:test' };
    const catalog = newCatalog(target);
    const sources: Record<string, string> = {};
    for (const file of planKitFiles(catalog).filter((planned) => planned.format === 'code')) {
      sources[file.path] = render(path.join(packageRoot(), 'templates', file.template), target);
    }
    const testFile = 'src/errors/kit.test.js';
    let expected: string;

    /** The counts in node:test's summary: what ran, passed, failed. */
    function summary(output: string): string {
      return ['tests', 'pass', 'fail', 'cancelled']
        .map((name) => new RegExp(`^# ${name} \\d+$`, 'm').exec(output)?.[0] ?? `# ${name} missing`)
        .join('\n');
    }

    beforeAll(() => {
      const directory = path.join(root, 'typescript');
      writeFiles(directory, {
        ...sources,
        'package.json': packageJson('esm'),
        'tsconfig.json': tsconfig({ strict: true, outDir: 'dist', rootDir: '.' }),
      });
      runNode([tscPath, '-p', 'tsconfig.json'], directory);
      expected = summary(runNode(['--test', path.join('dist', testFile)], directory).output);
    });

    it('has a baseline that ran tests', () => {
      expect(expected).toMatch(/^# pass [1-9]\d*$/m);
    });

    it.each(['esm', 'cjs'] as ModuleSystem[])('as %s', (moduleSystem) => {
      const directory = path.join(root, `kit-${moduleSystem}`);
      writeFiles(directory, { ...convertModules(sources, moduleSystem), 'package.json': packageJson(moduleSystem) });
      const run = runNode(['--test', testFile], directory);
      expect(summary(run.output), run.output).toBe(expected);
    });
  });
});
