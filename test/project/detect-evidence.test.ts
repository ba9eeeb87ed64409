import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectProject } from '../../cli/project/detect.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp project made of the given files; objects are written as JSON. */
function project(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'faultline-evidence-'));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

/** `count` modules under `folder` that import each other with `spell(name)` as the specifier. */
function modules(folder: string, count: number, spell: (name: string) => string, extension = 'ts'): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i += 1) {
    files[`${folder}/m${i}.${extension}`] = `import { f${(i + 1) % count} } from '${spell(`m${(i + 1) % count}`)}';\nexport const f${i} = () => f${(i + 1) % count};\n`;
  }
  return files;
}

describe('language from the code that exists', () => {
  it('a JavaScript package whose tsconfig only type-checks its JavaScript is JavaScript', async () => {
    const root = project({
      'package.json': { name: 'checked-js', version: '1.0.0', main: 'lib/index.js', devDependencies: { typescript: '^5.9.0' } },
      'tsconfig.json': { compilerOptions: { allowJs: true, checkJs: true, noEmit: true, strict: true }, include: ['lib'] },
      ...modules('lib', 6, (name) => `./${name}`, 'js'),
      'lib/types.d.ts': 'export type Id = string;\n',
    });
    const info = await detectProject(root);
    expect(info.language).toBe('javascript');
    expect(info.kitDir).toBe('lib/errors');
  });

  it('a JavaScript server whose tsconfig covers a small frontend is JavaScript, and its kit goes beside the server code', async () => {
    const root = project({
      'package.json': { name: 'shop', private: true, dependencies: { express: '^4.21.0' } },
      'tsconfig.json': { compilerOptions: { strict: true, module: 'esnext' }, include: ['frontend/src'] },
      'frontend/src/app.ts': 'export const app = 1;\n',
      ...modules('server', 8, (name) => `./${name}`, 'js'),
    });
    const info = await detectProject(root);
    expect(info.language).toBe('javascript');
    expect(info.kitDir).toBe('server/errors');
    expect(info.profile).toBe('service');
  });

  it('JavaScript that tsc emits into its outDir does not outvote the TypeScript it came from', async () => {
    const root = project({
      'package.json': { name: 'emitted', version: '1.0.0', main: 'lib/index.js' },
      'tsconfig.json': { compilerOptions: { outDir: 'lib', module: 'commonjs' }, include: ['src'] },
      ...modules('src', 3, (name) => `./${name}`),
      ...modules('lib', 9, (name) => `./${name}`, 'js'),
    });
    expect((await detectProject(root)).language).toBe('typescript');
  });

  it('tool configuration in the other language is not evidence', async () => {
    const root = project({
      'package.json': { name: 'typed', version: '1.0.0', type: 'module' },
      'tsconfig.json': { compilerOptions: { module: 'nodenext' } },
      'eslint.config.js': 'export default [];\n',
      'vitest.config.js': 'export default {};\n',
      '.prettierrc.cjs': 'module.exports = {};\n',
      'src/index.ts': 'export const x = 1;\n',
    });
    expect((await detectProject(root)).language).toBe('typescript');
  });
});

describe('import specifiers learned from the project', () => {
  it('bundler resolution with every relative import ending in .js gets the suffix', async () => {
    const root = project({
      'package.json': { name: 'native-esm', version: '1.0.0', type: 'module', main: 'dist/index.js' },
      'tsconfig.json': { compilerOptions: { module: 'esnext', moduleResolution: 'bundler', outDir: 'dist' }, include: ['src'] },
      ...modules('src', 5, (name) => `./${name}.js`),
    });
    const info = await detectProject(root);
    expect(info.importSuffix).toBe('.js');
    expect(info.importStyle.withExtension).toBe(5);
  });

  it('NodeNext settings do not add a suffix the project never writes (a bundled app importing without extensions)', async () => {
    const root = project({
      'package.json': { name: 'bundled', private: true },
      'tsconfig.json': { compilerOptions: { module: 'preserve', moduleResolution: 'bundler' } },
      ...modules('src', 5, (name) => `./${name}`),
    });
    expect((await detectProject(root)).importSuffix).toBe('');
  });

  it('TypeScript that names its .ts files, with a tsconfig that allows it, gets the .ts suffix; without that setting it does not', async () => {
    const files = {
      'package.json': { name: 'stripped', version: '1.0.0', type: 'module', bin: { stripped: './src/cli.ts' } },
      ...modules('src', 5, (name) => `./${name}.ts`),
    };
    const allowed = await detectProject(project({ ...files, 'tsconfig.json': { compilerOptions: { module: 'nodenext', allowImportingTsExtensions: true, noEmit: true } } }));
    expect([allowed.importSuffix, allowed.importStyle.withTsExtension]).toEqual(['.ts', 5]);
    const rewritten = await detectProject(project({ ...files, 'tsconfig.json': { compilerOptions: { module: 'nodenext', rewriteRelativeImportExtensions: true } } }));
    expect(rewritten.importSuffix).toBe('.ts');
    // TypeScript refuses `.ts` specifiers without one of those settings; NodeNext's own suffix stands.
    expect((await detectProject(project({ ...files, 'tsconfig.json': { compilerOptions: { module: 'nodenext' } } }))).importSuffix).toBe('.js');
  });

  it('without evidence, module resolution decides as before', async () => {
    const root = project({
      'package.json': { name: 'fresh', type: 'module' },
      'tsconfig.json': { compilerOptions: { module: 'nodenext' } },
    });
    expect((await detectProject(root)).importSuffix).toBe('.js');
  });

  it('a root tsconfig holding only references is read through the project that compiles the sources', async () => {
    const root = project({
      'package.json': { name: 'referenced', version: '1.0.0', type: 'module' },
      'tsconfig.json': { files: [], references: [{ path: './tsconfig.lib.json' }, { path: './tsconfig.spec.json' }] },
      'tsconfig.base.json': { compilerOptions: { module: 'node16', strict: true } },
      'tsconfig.lib.json': { extends: './tsconfig.base.json', compilerOptions: { composite: true, outDir: 'dist' }, include: ['src'] },
      'tsconfig.spec.json': { extends: './tsconfig.base.json', include: ['test'] },
      'src/index.ts': 'export const x = 1;\n',
    });
    const info = await detectProject(root);
    expect(info.tsconfig?.path).toBe(join(root, 'tsconfig.lib.json'));
    expect(info.tsconfig?.module).toBe('node16');
    expect(info.importSuffix).toBe('.js');
    expect(info.kitDir).toBe('src/errors');
  });
});

describe('placement', () => {
  it("a tsconfig that includes src gets the kit there even before src exists", async () => {
    const root = project({
      'package.json': { name: 'empty-src', version: '1.0.0' },
      'tsconfig.json': { compilerOptions: { strict: true }, include: ['src'] },
      'README.md': '# empty\n',
    });
    expect((await detectProject(root)).kitDir).toBe('src/errors');
  });

  it("never lands on the project's own errors folder: a free name, and a note saying why", async () => {
    const root = project({
      'package.json': { name: 'owned', version: '1.0.0', type: 'module', exports: './dist/index.js' },
      'tsconfig.json': { compilerOptions: { module: 'nodenext', outDir: 'dist' }, include: ['src'] },
      'src/index.ts': "export * from './errors/index.js';\n",
      'src/errors/index.ts': 'export class ParseError extends Error {}\n',
    });
    const info = await detectProject(root);
    expect(info.kitDir).toBe('src/error-kit');
    expect(info.notes.join('\n')).toMatch(/src\/errors is the project's own folder, so the kit goes to src\/error-kit/);
  });

  it('an errors module file beside the folder name also takes it', async () => {
    const root = project({
      'package.json': { name: 'owned-file', version: '1.0.0' },
      ...modules('src', 3, (name) => `./${name}`, 'js'),
      'src/errors.js': 'module.exports = {};\n',
    });
    expect((await detectProject(root)).kitDir).toBe('src/error-kit');
  });

  it('a kit faultline generated before is not a folder of the project', async () => {
    const root = project({
      'package.json': { name: 'again', version: '1.0.0' },
      ...modules('src', 3, (name) => `./${name}`, 'js'),
      'src/errors/app-error.js': '// Generated by faultline from faultline.catalog.json. Do not edit.\n',
    });
    expect((await detectProject(root)).kitDir).toBe('src/errors');
  });

  it('a JavaScript package that publishes lib/ gets its kit inside lib/', async () => {
    const root = project({
      'package.json': { name: 'published', version: '1.0.0', main: 'index.js', files: ['index.js', 'lib/'] },
      'index.js': "module.exports = require('./lib/a');\n",
      ...modules('lib', 4, (name) => `./${name}`, 'js'),
      ...modules('tools', 6, (name) => `./${name}`, 'js'),
    });
    const info = await detectProject(root);
    expect(info.kitDir).toBe('lib/errors');
    expect(info.publishEntry).toBeUndefined();
  });

  it('a JavaScript package whose files list names only single files adds the kit to it', async () => {
    const root = project({
      'package.json': { name: 'flat', version: '1.0.0', main: 'index.js', files: ['index.js', 'util.js'] },
      'index.js': "module.exports = require('./util');\n",
      'util.js': 'module.exports = {};\n',
    });
    const info = await detectProject(root);
    expect(info.kitDir).toBe('errors');
    expect(info.publishEntry).toBe('errors');
  });

  it('runbooks go to a folder git tracks when docs/ is ignored (a generated site)', async () => {
    const root = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'node_modules\ndocs/\n',
      'package.json': { name: 'site', version: '1.0.0' },
      'src/index.js': 'module.exports = {};\n',
    });
    const info = await detectProject(root);
    expect(info.runbookDir).toBe('runbooks');
    expect(info.notes.join('\n')).toMatch(/docs\/runbooks is ignored by git/);
  });
});

describe('profile', () => {
  it('a web framework makes a service, a bin a command-line tool, a published entry a library', async () => {
    const service = project({ 'package.json': { name: 's', main: 'index.js', dependencies: { fastify: '^5.0.0' } }, 'index.js': '' });
    const cli = project({ 'package.json': { name: 'c', bin: { c: 'bin/c.js' }, main: 'lib/index.js' }, 'lib/index.js': '' });
    const library = project({ 'package.json': { name: 'l', exports: './lib/index.js' }, 'lib/index.js': '' });
    const app = project({ 'package.json': { name: 'a', private: true, main: 'index.js' }, 'index.js': '' });
    expect((await detectProject(service)).profile).toBe('service');
    expect((await detectProject(cli)).profile).toBe('cli');
    expect((await detectProject(library)).profile).toBe('library');
    expect((await detectProject(app)).profile).toBe('service');
  });

  it('a published package with only an index.js and no start script is a library; one that starts itself is an application', async () => {
    const middleware = project({ 'package.json': { name: 'm', version: '1.0.0', dependencies: { debug: '^4.0.0' } }, 'index.js': '' });
    const started = project({ 'package.json': { name: 'w', version: '1.0.0', scripts: { start: 'node index.js' } }, 'index.js': '' });
    expect((await detectProject(middleware)).profile).toBe('library');
    expect((await detectProject(started)).profile).toBe('service');
  });
});

describe('code spread over many folders', () => {
  it('belongs to none of them: the kit goes to the root', async () => {
    const root = project({
      'package.json': { name: 'examples', private: true, dependencies: { koa: '^2.0.0' } },
      ...modules('hello', 2, (name) => `./${name}`, 'js'),
      ...modules('upload', 3, (name) => `./${name}`, 'js'),
      ...modules('cookies', 2, (name) => `./${name}`, 'js'),
    });
    expect((await detectProject(root)).kitDir).toBe('errors');
  });
});

describe("the project's own logger", () => {
  const importers = (spell: string, count: number, extension = 'js') =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`src/routes/r${i}.${extension}`, `const log = require('${spell}');\nlog.info('r${i}');\n`]));

  it('a log module imported across the code, wrapping winston, is written through message-first', async () => {
    const root = project({
      'package.json': { name: 'winston-app', private: true, dependencies: { winston: '^3.0.0', express: '^4.0.0' } },
      'src/log.js': "const winston = require('winston');\nmodule.exports = winston.createLogger({});\n",
      ...importers('../log', 4),
    });
    const info = await detectProject(root);
    expect(info.logger).toBe('project');
    expect(info.projectLogger).toMatchObject({ path: 'src/log.js', export: 'default', style: 'message-first', importers: 4, library: 'winston' });
  });

  it('a named pino instance in TypeScript is written through fields-first', async () => {
    const root = project({
      'package.json': { name: 'pino-app', private: true, type: 'module', dependencies: { pino: '^9.0.0' } },
      'tsconfig.json': { compilerOptions: { module: 'nodenext' } },
      'src/lib/logger.ts': "import pino from 'pino';\nexport const logger = pino();\n",
      ...Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`src/r${i}.ts`, `import { logger } from './lib/logger.js';\nlogger.info('r${i}');\n`])),
    });
    const info = await detectProject(root);
    expect(info.projectLogger).toMatchObject({ path: 'src/lib/logger.ts', export: 'logger', style: 'fields-first' });
  });

  it('a module whose exports are the logging methods themselves is the logger', async () => {
    const root = project({
      'package.json': { name: 'methods', private: true },
      'src/log.js': "module.exports = { info: (m) => console.error(m), warn: (m) => console.error(m), error(m) { console.error(m) } };\n",
      ...importers('../log', 3),
    });
    expect((await detectProject(root)).projectLogger).toMatchObject({ path: 'src/log.js', export: 'default', style: 'message-first' });
  });

  it('a pino instance of any name, exported by a module of any name that the code imports through a path alias, is the project logger', async () => {
    const root = project({
      'package.json': { name: 'alias-app', private: true, dependencies: { pino: '^9.0.0', express: '^5.0.0' } },
      'tsconfig.json': { compilerOptions: { module: 'commonjs', baseUrl: '.', paths: { '~/*': ['src/*'] } } },
      'src/server.ts': "import express from 'express';\nimport { pino } from 'pino';\n\nconst app = express();\nconst appLog = pino({ name: 'api' });\n\nexport { app, appLog };\n",
      'src/index.ts': "import { app, appLog } from '~/server';\napp.listen(3000, () => appLog.info('up'));\n",
      'src/users/service.ts': "import { appLog } from '~/server';\nexport const find = () => appLog.debug('find');\n",
      'src/users/router.test.ts': "import { app } from '~/server';\nexport { app };\n",
      'src/config.ts': "export const port = 3000;\n",
    });
    const info = await detectProject(root);
    expect(info.logger).toBe('project');
    expect(info.projectLogger).toMatchObject({ path: 'src/server.ts', export: 'appLog', style: 'fields-first', importers: 3, library: 'pino' });
  });

  it('a winston logger created with a named import and exported under its own name, from CommonJS', async () => {
    const root = project({
      'package.json': { name: 'audit-app', private: true, dependencies: { winston: '^3.0.0' } },
      'lib/audit.js': "const { createLogger, transports } = require('winston');\nconst trail = createLogger({ transports: [new transports.Console()] });\nmodule.exports = { trail, level: 'info' };\n",
      ...Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`lib/job${i}.js`, `const { trail } = require('./audit');\ntrail.info('job${i}');\n`])),
    });
    expect((await detectProject(root)).projectLogger).toMatchObject({ path: 'lib/audit.js', export: 'trail', style: 'message-first', library: 'winston' });
  });

  it("an object of the project's own with logging methods, exported from a helpers module and called across the code, is the logger", async () => {
    const helpers =
      'export const isDev = false;\nclass Logger {\n  info(module: string, ...msg: unknown[]) { console.log(module, ...msg); }\n  warn(module: string, ...msg: unknown[]) { console.warn(module, ...msg); }\n  error(module: string, ...msg: unknown[]) { console.error(module, ...msg); }\n}\nexport const log = new Logger();\nexport const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));\n';
    const root = project({
      'package.json': { name: 'monitor', private: true, dependencies: { express: '^4.0.0' } },
      'src/util.ts': helpers,
      ...Object.fromEntries(
        Array.from({ length: 3 }, (_, i) => [`server/job${i}.js`, `const { log, sleep } = require("../src/util");
async function run() {\n  await sleep(1);\n  log.warn("job${i}", "slow");\n}\nmodule.exports = { run };\n`]),
      ),
    });
    const info = await detectProject(root);
    expect(info.logger).toBe('project');
    // Every call names its job before the message: the kit will pass a topic first too.
    expect(info.projectLogger).toMatchObject({ path: 'src/util.ts', export: 'log', style: 'topic-first', importers: 3 });
  });

  it("a logger of the project's own called with the message first (or only) is written through message-first", async () => {
    const helpers = 'class Logger {\n  info(...msg) { console.log(...msg); }\n  error(...msg) { console.error(...msg); }\n}\nexports.log = new Logger();\nexports.sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n';
    const calls = ['log.info("job started");', 'log.error("job failed:", error);', 'log.info(`took ${ms} ms`);', 'log.info("cache", "warm");'];
    const root = project({
      'package.json': { name: 'monitor', private: true },
      'src/util.js': helpers,
      ...Object.fromEntries(calls.map((call, i) => [`server/job${i}.js`, `const { log, sleep } = require("../src/util");\nasync function run(error, ms) {\n  await sleep(1);\n  ${call}\n}\nmodule.exports = { run };\n`])),
    });
    expect((await detectProject(root)).projectLogger).toMatchObject({ path: 'src/util.js', export: 'log', style: 'message-first', importers: 4 });
  });

  it("the same helpers module is not the logger when the code imports other helpers from it and logs elsewhere", async () => {
    const root = project({
      'package.json': { name: 'monitor', private: true },
      'src/util.js': "class Logger {\n  info(m) { console.log(m); }\n  error(m) { console.error(m); }\n}\nexports.log = new Logger();\nexports.sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n",
      ...Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`server/job${i}.js`, `const { sleep } = require("../src/util");\nsleep(1).then(() => console.log("job${i}"));\n`])),
    });
    expect((await detectProject(root)).projectLogger).toBeUndefined();
  });

  it('a module imported across the code that exports no logging instance is not a logger, whatever it exports', async () => {
    const root = project({
      'package.json': { name: 'plain', private: true, dependencies: { pino: '^9.0.0' } },
      'src/db.js': "const pino = require('pino');\nconst log = pino();\nmodule.exports = { query: () => log.info('q'), logger: { info() {} } };\n",
      ...Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`src/r${i}.js`, `const db = require('./db');\ndb.query();\n`])),
    });
    const info = await detectProject(root);
    expect(info.projectLogger).toBeUndefined();
    expect(info.logger).toBe('pino');
  });

  it('pino only among devDependencies (a transport tested against it) is no reason for the kit to require it', async () => {
    const root = project({
      'package.json': { name: 'pretty', version: '1.0.0', bin: { pretty: './bin.js' }, dependencies: { colorette: '^2.0.0' }, devDependencies: { pino: '^9.0.0' } },
      'bin.js': "#!/usr/bin/env node\nrequire('./index.js')\n",
      'index.js': 'module.exports = () => {}\n',
    });
    expect((await detectProject(root)).logger).toBe('console');
  });

  it('a logger module used by one or two files is not the project logger', async () => {
    const root = project({
      'package.json': { name: 'few', private: true, dependencies: { pino: '^9.0.0' } },
      'src/log.js': "module.exports = require('pino')();\n",
      ...importers('../log', 2),
    });
    const info = await detectProject(root);
    expect(info.projectLogger).toBeUndefined();
    expect(info.logger).toBe('pino');
  });
});
