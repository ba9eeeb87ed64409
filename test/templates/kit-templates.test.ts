import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from '@babel/parser';
import Handlebars from 'handlebars';
import { afterAll, describe, expect, it } from 'vitest';
import { newCatalog } from '../../cli/catalog/defaults.js';
import type { Catalog, CatalogTarget } from '../../cli/catalog/model.js';
import { RESERVED_NAMES } from '../../cli/catalog/reserved-names.js';
import { planKitFiles } from '../../cli/generate/kit-plan.js';
import { renderTemplate } from '../../cli/generate/render.js';
import { toJavaScript } from '../../cli/generate/to-javascript.js';
import { buildTemplateData } from '../../cli/generate/template-data.js';
import { packageRoot } from '../../cli/package-root.js';
import { runNode, tscPath, tsconfig, writeFiles } from '../generate/conversion-helpers.js';

/**
 * The TypeScript kit templates, checked without a network: the rules the rendering and conversion
 * rely on (plain substitutions, the TypeScript subset, import suffixes, an acyclic module graph),
 * and a kit that type-checks under strict settings and passes its own tests.
 */

const kitTemplateDir = path.join(packageRoot(), 'templates', 'typescript', 'kit');
const frameworks = ['express', 'fastify', 'hono', 'none'] as const;
const loggers = ['pino', 'console', 'project'] as const;
const profiles = ['service', 'cli', 'library'] as const;
const projectLogger = { path: 'src/lib/log.ts', export: 'log', style: 'fields-first' } as const;

function catalogFor(target: Partial<CatalogTarget>): Catalog {
  const catalog = newCatalog({
    language: 'typescript',
    moduleSystem: 'esm',
    importSuffix: '.js',
    kitDir: 'src/errors',
    runbookDir: 'docs/runbooks',
    framework: 'none',
    logger: 'console',
    testRunner: 'node:test',
    docsBaseUrl: null,
    ...(target.logger === 'project' ? { projectLogger } : {}),
    ...target,
  });
  // Quotes and backslashes in user-written text must come out as valid string literals.
  const conflict = catalog.errors.find((error) => error.code === 'CONFLICT');
  if (conflict) {
    conflict.message = "That can't be saved: it changed \\ meanwhile.";
    conflict.title = "Conflict 'edit'";
  }
  return catalog;
}

/** Every kit module for a catalog, rendered: output path (relative to the kit dir) to TypeScript source. */
function renderKit(catalog: Catalog): Record<string, string> {
  const data = buildTemplateData(catalog, 'demo', 'faultline.catalog.json');
  const kit: Record<string, string> = {};
  for (const file of planKitFiles(catalog)) {
    if (file.format !== 'code') continue;
    kit[path.posix.relative(catalog.target.kitDir, file.path)] = renderTemplate(file.template, data);
  }
  return kit;
}

function kitTemplateFiles(directory = kitTemplateDir): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? kitTemplateFiles(full) : [full];
  });
}

function parseTypeScript(source: string, fileName: string) {
  try {
    return parse(source, { sourceType: 'module', plugins: ['typescript'] });
  } catch (error) {
    throw new Error(`${fileName} does not parse: ${(error as Error).message}`);
  }
}

function relativeImports(source: string, fileName: string): string[] {
  return parseTypeScript(source, fileName)
    .program.body.flatMap((node) =>
      (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') &&
      node.source
        ? [node.source.value]
        : [],
    )
    .filter((specifier) => specifier.startsWith('.'));
}

/** Handlebars nodes a template may use: plain values, `#each errors` and `#if`, nothing that computes. */
function disallowedHandlebars(source: string): string[] {
  const problems: string[] = [];
  const visit = (node: hbs.AST.Node): void => {
    if (node.type === 'MustacheStatement') {
      const mustache = node as hbs.AST.MustacheStatement;
      if (mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0 || mustache.path.type !== 'PathExpression') {
        problems.push(`a helper call at line ${node.loc.start.line}`);
      }
    } else if (node.type === 'BlockStatement') {
      const block = node as hbs.AST.BlockStatement;
      const name = (block.path as hbs.AST.PathExpression).original;
      const argument = (block.params[0] as hbs.AST.PathExpression | undefined)?.original;
      if (!((name === 'each' && argument === 'errors') || name === 'if') || block.params.length !== 1) {
        problems.push(`{{#${name} ${argument ?? ''}}} at line ${node.loc.start.line}`);
      }
      block.program.body.forEach(visit);
      block.inverse?.body.forEach(visit);
    } else if (node.type !== 'ContentStatement' && node.type !== 'CommentStatement') {
      problems.push(`${node.type} at line ${node.loc.start.line}`);
    }
  };
  Handlebars.parse(source).body.forEach(visit);
  return problems;
}

/** Constructs the JavaScript and CommonJS conversions reject or cannot express. */
function forbiddenConstructs(body: unknown): string[] {
  const found: string[] = [];
  const rejected = ['TSEnumDeclaration', 'TSModuleDeclaration', 'ExportDefaultDeclaration', 'TSParameterProperty', 'Decorator', 'TSExportAssignment'];
  const walk = (node: unknown, topLevel: boolean): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, topLevel));
    if (typeof node !== 'object' || node === null || !('type' in node)) return;
    const type = (node as { type: string }).type;
    if (rejected.includes(type)) found.push(type);
    if (type === 'AwaitExpression' && topLevel) found.push('top-level await');
    const entersFunction = /Function|Method/.test(type);
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'loc' && key !== 'start' && key !== 'end') walk(value, topLevel && !entersFunction);
    }
  };
  walk(body, true);
  return found;
}

describe('the template checks themselves', () => {
  it('catch helpers and blocks other than #each errors and #if', () => {
    expect(disallowedHandlebars('{{name}} {{#each errors}}{{code}}{{/each}} {{#if docsBaseUrl}}x{{/if}}')).toEqual([]);
    expect(disallowedHandlebars('{{uppercase name}}')).toHaveLength(1);
    expect(disallowedHandlebars('{{#with internalError}}{{name}}{{/with}}')).toHaveLength(1);
    expect(disallowedHandlebars('{{#each (filter errors)}}{{/each}}')).toHaveLength(1);
    expect(disallowedHandlebars('{{> partial}}')).toHaveLength(1);
  });

  it('catch the constructs the conversions cannot handle, and allow await inside functions', () => {
    const sample = `
      export enum Color { Red }
      export default class A { constructor(private x: number) {} }
      await ready;
      export async function ok(): Promise<void> { await ready; }
      export const alsoOk = async () => { await ready; };
    `;
    const body = parseTypeScript(sample, 'sample.ts').program.body;
    expect(forbiddenConstructs(body).sort()).toEqual(['ExportDefaultDeclaration', 'TSEnumDeclaration', 'TSParameterProperty', 'top-level await']);
  });
});

describe('kit templates', () => {
  it('are all part of some plan, and every planned kit module has a template', () => {
    const planned = new Set<string>();
    for (const framework of frameworks) {
      for (const logger of loggers) {
        for (const profile of profiles) {
          for (const file of planKitFiles(catalogFor({ framework, logger, profile }))) planned.add(file.template);
        }
      }
    }
    const onDisk = kitTemplateFiles().map((file) => path.posix.join('typescript/kit', path.relative(kitTemplateDir, file).split(path.sep).join('/')));
    expect(onDisk.sort()).toEqual([...planned].filter((template) => template.startsWith('typescript/kit/')).sort());
  });

  it('only substitute values, loop over the errors and switch sections', () => {
    for (const file of kitTemplateFiles()) {
      expect({ file: path.basename(file), problems: disallowedHandlebars(readFileSync(file, 'utf8')) }).toEqual({
        file: path.basename(file),
        problems: [],
      });
    }
  });

  for (const framework of frameworks) {
    for (const logger of loggers) {
      it(`render for ${framework} with ${logger} into the TypeScript subset the conversions understand`, () => {
        for (const profile of profiles) {
          const catalog = catalogFor({ framework, logger, profile });
          const kit = renderKit(catalog);
          expect(Object.keys(kit).includes('logger.ts'), profile).toBe(profile !== 'library');
          expect(Object.keys(kit).some((name) => name.startsWith('http/')), profile).toBe(framework !== 'none' && profile !== 'library');
          const owned = new Set(
            planKitFiles(catalog)
              .filter((file) => file.kind === 'owned')
              .map((file) => path.posix.relative(catalog.target.kitDir, file.path)),
          );

          for (const [name, source] of Object.entries(kit)) {
            const program = parseTypeScript(source, name).program;
            const firstLine = source.split('\n')[0] ?? '';
            expect(firstLine.includes('Generated by faultline'), `${name}: derived files start with the header`).toBe(!owned.has(name));
            const forbidden = forbiddenConstructs(program.body);
            expect(forbidden, name).toEqual([]);
          }
        }
      });
    }
  }

  it('end every relative import with the import suffix', () => {
    for (const importSuffix of ['.js', '.ts', ''] as const) {
      for (const kit of [renderKit(catalogFor({ framework: 'fastify', importSuffix })), renderKit(catalogFor({ profile: 'library', importSuffix }))]) {
        for (const [name, source] of Object.entries(kit)) {
          for (const specifier of relativeImports(source, name)) {
            const target = path.posix.join(path.posix.dirname(name), specifier);
            expect(importSuffix === '' ? !/\.[jt]s$/.test(specifier) : specifier.endsWith(importSuffix), `${name} imports ${specifier}`).toBe(true);
            expect(kit[`${target.replace(/\.[jt]s$/, '')}.ts`], `${name} imports ${specifier}, which the kit does not have`).toBeDefined();
          }
        }
      }
    }
  });

  it('form an acyclic module graph, so CommonJS exports are complete when read', () => {
    for (const framework of frameworks) {
      const kit = renderKit(catalogFor({ framework }));
      const edges = new Map<string, string[]>();
      for (const [name, source] of Object.entries(kit)) {
        edges.set(
          name,
          relativeImports(source, name).map((specifier) => `${path.posix.join(path.posix.dirname(name), specifier).replace(/\.js$/, '')}.ts`),
        );
      }
      const state = new Map<string, 'visiting' | 'done'>();
      const visit = (name: string, trail: string[]): void => {
        if (state.get(name) === 'done') return;
        if (state.get(name) === 'visiting') throw new Error(`import cycle: ${[...trail, name].join(' -> ')}`);
        state.set(name, 'visiting');
        for (const next of edges.get(name) ?? []) visit(next, [...trail, name]);
        state.set(name, 'done');
      };
      for (const name of edges.keys()) visit(name, []);
    }
  });

  it('export no name a catalog error class could take, unless the catalog reserves it', () => {
    for (const logger of loggers) {
      const catalog = catalogFor({ logger, framework: 'express' });
      const classNames = new Set(catalog.errors.map((error) => error.name));
      const clashes: string[] = [];
      for (const [name, source] of Object.entries(renderKit(catalog))) {
        for (const node of parseTypeScript(source, name).program.body) {
          if (node.type !== 'ExportNamedDeclaration' || !node.declaration) continue;
          const declaration = node.declaration;
          const exported =
            declaration.type === 'VariableDeclaration'
              ? declaration.declarations.map((d) => (d.id.type === 'Identifier' ? d.id.name : ''))
              : 'id' in declaration && declaration.id && declaration.id.type === 'Identifier'
                ? [declaration.id.name]
                : [];
          for (const exportedName of exported) {
            const classLike = /^[A-Z][A-Za-z0-9]*Error$/.test(exportedName);
            if (classLike && !classNames.has(exportedName) && !RESERVED_NAMES.has(exportedName)) clashes.push(`${name}: ${exportedName}`);
          }
        }
      }
      expect(clashes).toEqual([]);
    }
  });

  it('declare errorClasses before any variable of the catalog module', () => {
    // The type checker looks each `Class.code` of errorClasses up through every variable declared
    // above it: one guard per error there made type-checking quadratic in the catalog.
    const body = parseTypeScript(renderKit(catalogFor({}))['catalog.ts']!, 'catalog.ts').program.body;
    const variables = body.map((node) => (node.type === 'ExportNamedDeclaration' ? node.declaration : node)).map((node) => (node?.type === 'VariableDeclaration' ? node : undefined));
    const at = variables.findIndex((node) => node?.declarations.some((declarator) => declarator.id.type === 'Identifier' && declarator.id.name === 'errorClasses'));
    expect(at).toBeGreaterThan(0);
    expect(variables.slice(0, at).filter(Boolean)).toEqual([]);
  });

  it('put a docs base URL into problem types as a valid literal, quotes included', () => {
    const kit = renderKit(catalogFor({ docsBaseUrl: "https://docs.example.com/it's/errors/" }));
    expect(kit['handler.ts']).toContain(`const DOCS_BASE_URL = 'https://docs.example.com/it\\'s/errors' as string;`);
  });
});

describe('a rendered kit with the console logger and no framework', () => {
  const directories: string[] = [];
  afterAll(() => {
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  });

  function writeKit(catalog: Catalog, compilerOptions: Record<string, unknown>, packageType: 'module' | 'commonjs'): string {
    const directory = mkdtempSync(path.join(tmpdir(), 'faultline-kit-'));
    directories.push(directory);
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ private: true, type: packageType }),
      'tsconfig.json': tsconfig({ strict: true, rootDir: 'src', outDir: 'dist', ...compilerOptions }),
    };
    for (const [name, source] of Object.entries(renderKit(catalog))) files[`src/${name}`] = source;
    writeFiles(directory, files);
    return directory;
  }

  /** The kit in `directory` compiles without a diagnostic, and its own tests pass. */
  function expectCompilesAndPasses(directory: string): void {
    const compiled = runNode([tscPath, '-p', 'tsconfig.json'], directory);
    expect(compiled.output).toBe('');
    expect(compiled.status).toBe(0);
    const tested = runNode(['--test', 'dist/kit.test.js'], directory);
    expect(tested.output).toMatch(/# fail 0/);
    expect(tested.status, tested.output).toBe(0);
  }

  it('type-checks under strict NodeNext settings and passes its own tests', () => {
    expectCompilesAndPasses(writeKit(catalogFor({ docsBaseUrl: 'https://docs.example.com/errors' }), {}, 'module'));
  });

  it('type-checks and passes its tests as CommonJS without import suffixes, against an ES2020 lib', () => {
    expectCompilesAndPasses(
      writeKit(
        catalogFor({ importSuffix: '', moduleSystem: 'cjs' }),
        { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true, target: 'ES2020', lib: ['ES2020'] },
        'commonjs',
      ),
    );
  });

  it('type-checks and passes its tests with .ts import suffixes, as code Node runs as written names its files', () => {
    // TypeScript rewrites the specifiers to `.js` in what it emits, so the built kit runs too.
    expectCompilesAndPasses(writeKit(catalogFor({ importSuffix: '.ts' }), { rewriteRelativeImportExtensions: true }, 'module'));
  });

  it('type-checks and passes its own tests with a catalog of 1,500 errors', () => {
    /** Class names and codes for the added errors: the index spelled in letters. */
    const letters = (index: number) => [...String(index).padStart(4, '0')].map((digit) => String.fromCharCode(65 + Number(digit))).join('');
    const catalog = catalogFor({});
    const model = catalog.errors[0]!;
    for (let index = 0; index < 1500; index++) catalog.errors.push({ ...model, name: `Bulk${letters(index)}Error`, code: `BULK_${letters(index)}` });
    // A union of every catalog class is more than the checker builds past about a thousand errors (TS2590).
    expectCompilesAndPasses(writeKit(catalog, {}, 'module'));
  });
});

describe('the JavaScript kit’s JSDoc', () => {
  // JSDoc linters' recommended rules (jsdoc/require-property-description) want every @property described.
  it('describes every property of every typedef, for every framework and logger', () => {
    for (const framework of frameworks) {
      for (const logger of loggers) {
        for (const [name, source] of Object.entries(renderKit(catalogFor({ framework, logger })))) {
          const javascript = toJavaScript(source, name);
          const bare = javascript.split('\n').filter((line) => /@property\s+\{[^}]*\}\s+\[?[\w$.]+\]?\s*$/.test(line));
          expect(bare, `${name} (${framework}, ${logger})`).toEqual([]);
        }
      }
    }
  });
});
