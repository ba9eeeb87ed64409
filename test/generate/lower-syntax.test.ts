import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newCatalog } from '../../cli/catalog/defaults.js';
import type { CatalogTarget } from '../../cli/catalog/model.js';
import { lowerSyntax } from '../../cli/generate/lower-syntax.js';
import { renderCatalogFiles } from '../../cli/generate/render-catalog-files.js';

// ESLint's own parser, which reads exactly the edition it is given.
const espree = createRequire(import.meta.url)('espree') as { parse(text: string, options: object): unknown };

const parsesAs = (text: string, ecmaVersion: number, sourceType: 'script' | 'module' = 'script') => {
  try {
    espree.parse(text, { ecmaVersion, sourceType });
    return 'parses';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('lowering to an older edition', () => {
  const lowered: Array<{ name: string; edition: number; input: string; output: string }> = [
    {
      name: 'instance fields become assignments after super(), a declared-only field hands its JSDoc to the assignment',
      edition: 2021,
      input: 'class A extends B {\n  /** @type {number} */\n  count = 0;\n  /** the name */\n  name;\n  constructor(name) {\n    super(name);\n    this.name = name;\n  }\n}\n',
      output: 'class A extends B {\n  constructor(name) {\n    super(name);\n/** @type {number} */\nthis.count = 0;\n    /** the name */\nthis.name = name;\n  }\n}\n',
    },
    {
      name: 'a base class without constructor gets one for its fields',
      edition: 2021,
      input: 'class Hooks {\n  listeners = new Set();\n  add(f) { this.listeners.add(f); }\n}\n',
      output: 'class Hooks {\nconstructor() {\nthis.listeners = new Set();\n}\n\n  add(f) { this.listeners.add(f); }\n}\n',
    },
    {
      name: 'a derived class without constructor passes its arguments on',
      edition: 2021,
      input: 'class E extends Base {\n  seen = false;\n}\n',
      output: 'class E extends Base {\nconstructor(...args) {\nsuper(...args);\nthis.seen = false;\n}\n\n}\n',
    },
    {
      name: 'static fields become assignments after the class, with their JSDoc',
      edition: 2021,
      input: 'class NotFound extends AppError {\n  /** @readonly */\n  static status = 404;\n}\nconst after = 1;\n',
      output: 'class NotFound extends AppError {\n}\n\n/** @readonly */\nNotFound.status = 404;\nconst after = 1;\n',
    },
    { name: 'numeric separators are dropped', edition: 2020, input: 'const ms = 30_000;\n', output: 'const ms = 30000;\n' },
    {
      name: '??= becomes an if',
      edition: 2020,
      input: 'options.level ??= "info";\n',
      output: 'if (options.level === undefined || options.level === null) {\noptions.level = "info";\n}\n',
    },
    {
      name: '?? on names becomes an explicit check, chains nest',
      edition: 2019,
      input: 'const v = a.b ?? c ?? 3;\n',
      output: 'const v = (a.b !== undefined && a.b !== null ? a.b : (c !== undefined && c !== null ? c : 3));\n',
    },
    {
      name: '?? after a call reads the call once into the variable it declares',
      edition: 2019,
      input: 'const found = find(x) ?? find(y) ?? Fallback;\n',
      output: 'let found = find(x);\nif (found === undefined || found === null) {\nfound = find(y);\n}\nif (found === undefined || found === null) {\nfound = Fallback;\n}\n',
    },
    {
      name: 'a constant stays constant (an exported let is what import/no-mutable-exports forbids): the call is read into a name of its own above its comment',
      edition: 2019,
      input: '/** The class. @type {typeof A} */\nconst Dep = find(x) ?? Fallback;\n',
      output: 'const DepFound = find(x);\n/** The class. @type {typeof A} */\nconst Dep = DepFound !== undefined && DepFound !== null ? DepFound : Fallback;\n',
    },
    {
      name: '?? after a call in a return reads it into a new name',
      edition: 2019,
      input: 'function p(url) {\n  return url.split("?")[0] ?? "/";\n}\n',
      output: 'function p(url) {\n  const value = url.split("?")[0];\nreturn value !== undefined && value !== null ? value : "/";\n}\n',
    },
    {
      name: '?. as a statement becomes an if, in a condition a guard, elsewhere a check',
      edition: 2019,
      input: 'hooks?.run(1);\nif (signal?.aborted) stop();\nconst reason = signal?.reason;\n',
      output:
        'if (hooks !== undefined && hooks !== null) {\nhooks.run(1);\n}\nif ((signal !== undefined && signal !== null && signal.aborted)) stop();\nconst reason = (signal !== undefined && signal !== null ? signal.reason : undefined);\n',
    },
    {
      name: 'a JSDoc cast stays with the value it casts',
      edition: 2019,
      input: 'const v = /** @type {E} */ (error)?.validation;\n',
      output: 'const v = (error !== undefined && error !== null ? /** @type {E} */ (error).validation : undefined);\n',
    },
    { name: 'catch {} gets a binding', edition: 2018, input: 'try { a(); } catch { b(); }\n', output: 'try { a(); } catch (error) { b(); }\n' },
    {
      name: 'a catch binding does not shadow a name the block uses',
      edition: 2018,
      input: 'try { a(); } catch { log(error); }\n',
      output: 'try { a(); } catch (caught) { log(error); }\n',
    },
    { name: 'object spread becomes Object.assign', edition: 2017, input: 'const s = { ...a, b: 1, ...c };\n', output: 'const s = Object.assign({}, a, { b: 1 }, c);\n' },
    { name: 'properties first keep their literal as the target', edition: 2017, input: 'const s = { b: 1, ...c };\n', output: 'const s = Object.assign({ b: 1 }, c);\n' },
  ];

  for (const testCase of lowered) {
    it(testCase.name, () => {
      const output = lowerSyntax(testCase.input, 'kit.js', testCase.edition);
      expect(output).toBe(testCase.output);
      expect(parsesAs(output, testCase.edition)).toBe('parses');
    });
  }

  const unchanged: Array<{ name: string; edition: number; input: string }> = [
    { name: 'class fields at ES2022', edition: 2022, input: 'class A { x = 1; static y = 2; }\n' },
    { name: '?? and ?. at ES2020', edition: 2020, input: 'const v = a?.b ?? c;\n' },
    { name: 'catch {} at ES2019', edition: 2019, input: 'try { a(); } catch { b(); }\n' },
    { name: 'object spread at ES2018', edition: 2018, input: 'const s = { ...a };\n' },
    { name: 'the same construct in a string or comment', edition: 2017, input: '// a ?? b, { ...c }\nconst s = "x?.y";\n' },
  ];
  for (const testCase of unchanged) {
    it(`leaves ${testCase.name} alone`, () => {
      expect(lowerSyntax(testCase.input, 'kit.js', testCase.edition)).toBe(testCase.input);
    });
  }

  const refused: Array<{ name: string; input: string; message: RegExp }> = [
    { name: 'private members', input: 'class A { #x = 1; }\n', message: /kit\.js:1: private class members/ },
    { name: '?. after a call', input: 'const v = get()?.id;\n', message: /kit\.js:1: `\?\.` after a call/ },
    { name: '?? after a call inside an argument', input: 'use(get() ?? 1);\n', message: /kit\.js:1: `\?\?` after a call/ },
    { name: 'lookbehind', input: 'const r = /(?<!a)b/;\n', message: /kit\.js:1: lookbehind/ },
    { name: 'object rest', input: 'const { a, ...rest } = o;\n', message: /kit\.js:1: object rest/ },
    { name: 'a field whose initializer reads a constructor parameter', input: 'class A { x = name; constructor(name) {} }\n', message: /names a constructor parameter/ },
  ];
  for (const testCase of refused) {
    it(`refuses ${testCase.name}, naming the file and line`, () => {
      expect(() => lowerSyntax(testCase.input, 'kit.js', 2017)).toThrow(testCase.message);
    });
  }
});

describe('every kit, written at every older edition', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'faultline-lowered-'));
  writeFileSync(path.join(root, 'package.json'), '{ "name": "lowered" }\n');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const base: CatalogTarget = {
    language: 'javascript', moduleSystem: 'cjs', importSuffix: '.js', kitDir: 'src/errors', runbookDir: 'docs/runbooks',
    framework: 'none', logger: 'console', testRunner: 'mocha', profile: 'service', docsBaseUrl: null, codeStyle: {},
  };
  const targets: CatalogTarget[] = [
    ...(['none', 'express', 'fastify', 'hono'] as const).flatMap((framework) =>
      (['console', 'pino'] as const).flatMap((logger) =>
        (['cjs', 'esm'] as const).map((moduleSystem) => ({ ...base, framework, logger, moduleSystem, testRunner: moduleSystem === 'cjs' ? 'mocha' : 'node:test' }) as CatalogTarget),
      ),
    ),
    { ...base, profile: 'cli', testRunner: 'jest' },
    { ...base, profile: 'library' },
    { ...base, profile: 'library', moduleSystem: 'esm', testRunner: 'node:test' },
  ];

  // Each edition renders every kit through prettier: seconds on an idle machine, minutes on a busy one.
  for (const ecmaVersion of [2017, 2018, 2019, 2020, 2021] as const) {
    it(`parses as ES${ecmaVersion} for every framework, logger, module system and profile`, async () => {
      const problems: string[] = [];
      for (const target of targets) {
        const files = await renderCatalogFiles(newCatalog({ ...target, ecmaVersion }), root, 'lowered');
        for (const file of files.filter((f) => /\.[cm]?js$/.test(f.path))) {
          const sourceType = target.moduleSystem === 'esm' || file.path.endsWith('.mjs') ? 'module' : 'script';
          const result = parsesAs(file.content, ecmaVersion, sourceType);
          if (result !== 'parses') problems.push(`${target.profile} ${target.framework} ${target.logger} ${target.moduleSystem} ${file.path}: ${result}`);
        }
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }

  it('writes the modern kit byte for byte as before when the edition is absent', async () => {
    const modern = await renderCatalogFiles(newCatalog(base), root, 'lowered');
    const explicit = await renderCatalogFiles(newCatalog({ ...base, ecmaVersion: undefined }), root, 'lowered');
    expect(explicit).toEqual(modern);
    expect(modern.find((file) => file.path === 'src/errors/app-error.js')?.content).toMatch(/^ {2}static code = /m);
  });
});
