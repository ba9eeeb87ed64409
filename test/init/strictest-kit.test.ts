import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newCatalog } from '../../cli/catalog/defaults.js';
import type { CatalogTarget } from '../../cli/catalog/model.js';
import { renderCatalogFiles } from '../../cli/generate/render-catalog-files.js';
import { run, tempDir } from '../support/cli.js';

/**
 * The TypeScript kit compiles with zero errors under every flag of @tsconfig/strictest and the
 * stricter module flags projects add to it, for each framework, logger, test runner, module system
 * and profile, against an old `lib`/`target` and against old `@types/node` majors. The compiler,
 * the strictest base configuration and every type package come from the registry, installed once
 * and shared by the projects through a linked node_modules.
 */

interface CompileCase {
  name: string;
  target: Partial<CatalogTarget>;
  moduleSystem: 'esm' | 'cjs';
  /** Type packages for `types`: a jest kit test needs jest's globals. */
  types?: string[];
  compilerOptions?: Record<string, unknown>;
  /** Files of the project's own, e.g. the logger module a `project` logger writes through. */
  projectFiles?: Record<string, string>;
  /** A directory of its own holding an older @types/node, instead of the shared one. */
  nodeTypes?: '16' | '18';
}

const frameworks = ['express', 'fastify', 'hono', 'none'] as const;
const loggers = ['pino', 'console'] as const;
const runners = ['vitest', 'jest', 'node:test'] as const;

const cases: CompileCase[] = [];
let runnerIndex = 0;
for (const framework of frameworks) {
  for (const logger of loggers) {
    for (const moduleSystem of ['esm', 'cjs'] as const) {
      const testRunner = runners[runnerIndex++ % runners.length]!;
      cases.push({
        name: `${framework}, ${logger}, ${testRunner}, ${moduleSystem}`,
        target: { framework, logger, testRunner },
        moduleSystem,
        ...(testRunner === 'jest' ? { types: ['node', 'jest'] } : {}),
      });
    }
  }
}
cases.push(
  {
    name: 'an ES2020 lib and target (no Error cause typings)',
    target: { framework: 'express', logger: 'pino', testRunner: 'node:test' },
    moduleSystem: 'esm',
    compilerOptions: { lib: ['ES2020'], target: 'ES2020' },
  },
  {
    name: 'an ES2021 lib with an ES2017 target, CommonJS',
    target: { framework: 'fastify', logger: 'console', testRunner: 'node:test' },
    moduleSystem: 'cjs',
    compilerOptions: { lib: ['ES2021'], target: 'ES2017' },
  },
  { name: 'a CLI with pino', target: { framework: 'none', logger: 'pino', testRunner: 'vitest', profile: 'cli' }, moduleSystem: 'esm' },
  { name: 'a library', target: { framework: 'none', testRunner: 'vitest', profile: 'library' }, moduleSystem: 'esm' },
  { name: 'a CommonJS library', target: { framework: 'none', testRunner: 'node:test', profile: 'library' }, moduleSystem: 'cjs' },
  {
    name: "the project's pino logger, fields first",
    target: { framework: 'express', logger: 'project', projectLogger: { path: 'lib/log.ts', export: 'log', style: 'fields-first' } },
    moduleSystem: 'esm',
    projectFiles: { 'lib/log.ts': "import { pino } from 'pino';\n\nexport const log = pino({ name: 'app' });\n" },
  },
  {
    name: "the project's own logger, message first, as a default export",
    target: { framework: 'none', logger: 'project', projectLogger: { path: 'lib/logger.ts', export: 'default', style: 'message-first' } },
    moduleSystem: 'cjs',
    projectFiles: {
      'lib/logger.ts':
        "const logger = {\n  error(message: string, meta?: Record<string, unknown>): void {\n    console.error(message, meta);\n  },\n  info(message: string, meta?: Record<string, unknown>): void {\n    console.log(message, meta);\n  },\n};\n\nexport default logger;\n",
    },
  },
  { name: '@types/node 16', target: { framework: 'none', logger: 'console', testRunner: 'node:test' }, moduleSystem: 'esm', nodeTypes: '16' },
  { name: '@types/node 18', target: { framework: 'none', logger: 'console', testRunner: 'node:test' }, moduleSystem: 'cjs', nodeTypes: '18' },
);

const sharedDependencies = {
  typescript: '^5.9.3',
  '@tsconfig/strictest': '^2.0.5',
  '@types/node': '^20.19.0',
  express: '^5.1.0',
  '@types/express': '^5.0.0',
  fastify: '^5.0.0',
  hono: '^4.6.0',
  pino: '^10.0.0',
  vitest: '^4.0.0',
  '@types/jest': '^30.0.0',
};

let shared = '';
const oldNodeTypes: Record<string, string> = {};

function install(directory: string, dependencies: Record<string, string>): void {
  writeFileSync(path.join(directory, 'package.json'), JSON.stringify({ private: true, devDependencies: dependencies }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], directory);
}

beforeAll(() => {
  shared = tempDir('strictest-deps');
  install(shared, sharedDependencies);
  for (const major of ['16', '18']) {
    const directory = tempDir(`node${major}-types`);
    install(directory, { '@types/node': `^${major}.0.0` });
    oldNodeTypes[major] = path.join(directory, 'node_modules', '@types');
  }
});

/** The flags @tsconfig/strictest leaves to the project, set as the strictest projects set them. */
function extraFlags(moduleSystem: 'esm' | 'cjs'): Record<string, unknown> {
  const flags: Record<string, unknown> = { noEmit: true, useUnknownInCatchVariables: true, isolatedModules: true };
  const version = JSON.parse(readFileSync(path.join(shared, 'node_modules/typescript/package.json'), 'utf8')) as { version: string };
  const [major = 0, minor = 0] = version.version.split('.').map(Number);
  if (major > 5 || (major === 5 && minor >= 8)) flags.erasableSyntaxOnly = true;
  // verbatimModuleSyntax forbids `import` in files TypeScript emits as CommonJS, so CommonJS projects cannot set it.
  return moduleSystem === 'esm'
    ? { ...flags, module: 'NodeNext', moduleResolution: 'NodeNext', verbatimModuleSyntax: true }
    : { ...flags, module: 'commonjs', moduleResolution: 'node10' };
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Cases that share compiler options compile as one project, each kit in a folder of its own. */
function groupKey(testCase: CompileCase): string {
  return JSON.stringify([testCase.moduleSystem, testCase.compilerOptions ?? {}, testCase.nodeTypes ?? '']);
}

async function writeKitProject(group: CompileCase[]): Promise<string> {
  const root = tempDir('strictest');
  const first = group[0]!;
  const types = new Set<string>(['node']);
  for (const testCase of group) {
    for (const type of testCase.types ?? []) types.add(type);
    const base = `src/${slug(testCase.name)}`;
    const target: CatalogTarget = {
      language: 'typescript',
      moduleSystem: testCase.moduleSystem,
      importSuffix: testCase.moduleSystem === 'esm' ? '.js' : '',
      kitDir: `${base}/errors`,
      runbookDir: `${base}/docs/runbooks`,
      framework: 'none',
      logger: 'console',
      testRunner: 'node:test',
      docsBaseUrl: null,
      ...testCase.target,
    };
    if (target.projectLogger) target.projectLogger = { ...target.projectLogger, path: `${base}/${target.projectLogger.path}` };
    for (const [name, content] of Object.entries(testCase.projectFiles ?? {})) {
      mkdirSync(path.dirname(path.join(root, base, name)), { recursive: true });
      writeFileSync(path.join(root, base, name), content);
    }
    for (const file of await renderCatalogFiles(newCatalog(target), root, 'strictest-demo')) {
      const absolute = path.join(root, file.path);
      mkdirSync(path.dirname(absolute), { recursive: true });
      writeFileSync(absolute, file.content);
    }
  }
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ private: true, type: first.moduleSystem === 'esm' ? 'module' : 'commonjs' }));
  const compilerOptions: Record<string, unknown> = {
    ...extraFlags(first.moduleSystem),
    target: 'ES2022',
    types: [...types],
    ...first.compilerOptions,
  };
  if (first.nodeTypes) compilerOptions.typeRoots = [oldNodeTypes[first.nodeTypes]];
  writeFileSync(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({ extends: '@tsconfig/strictest/tsconfig.json', compilerOptions, include: ['src'] }, null, 2),
  );
  symlinkSync(path.join(shared, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

function compile(root: string): string {
  try {
    run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], root);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

const groups = new Map<string, CompileCase[]>();
for (const testCase of cases) groups.set(groupKey(testCase), [...(groups.get(groupKey(testCase)) ?? []), testCase]);

describe('the TypeScript kit under @tsconfig/strictest', () => {
  it.each([...groups.values()].map((group) => ({ names: group.map((c) => c.name).join('; '), group })))(
    'compiles with $names',
    async ({ group }) => {
      const root = await writeKitProject(group);
      for (const testCase of group) expect(existsSync(path.join(root, 'src', slug(testCase.name), 'errors/index.ts'))).toBe(true);
      expect(compile(root)).toBe('');
    },
  );

  it('is really checked: a kit file that reads an index signature with a dot fails the same compile', async () => {
    const root = await writeKitProject([cases[0]!]);
    writeFileSync(path.join(root, 'src', slug(cases[0]!.name), 'errors/probe.ts'), 'export const level = (process.env.LOG_LEVEL ?? "info").length;\n');
    expect(compile(root)).toMatch(/TS4111/);
  });
});
