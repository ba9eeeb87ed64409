import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCatalog } from '../../cli/catalog/defaults.js';
import type { CatalogTarget } from '../../cli/catalog/model.js';
import { renderCatalogFiles } from '../../cli/generate/render-catalog-files.js';
import { projectLoggerSpecifier } from '../../cli/generate/template-data.js';
import { faultline, run, tempDir, writeTree } from '../support/cli.js';

/**
 * What the kit contains and where it logs depends on the project: a CLI's stdout is its output,
 * a library gets no logger or handler, and a project with a logger of its own is logged through.
 * Each case generates a kit into a real project and runs it with Node.
 */

interface Catalog {
  target: CatalogTarget;
}

function initProject(files: Record<string, string>, args: string[]): { root: string; kitDir: string; target: CatalogTarget } {
  const root = tempDir('profile');
  writeTree(root, files);
  const result = faultline(['init', '--yes', ...args], { cwd: root });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const catalog = JSON.parse(readFileSync(path.join(root, 'faultline.catalog.json'), 'utf8')) as Catalog;
  return { root, kitDir: catalog.target.kitDir, target: catalog.target };
}

/** Runs an ES module script in the project and returns what it wrote where. */
function runScript(root: string, source: string): { stdout: string; stderr: string; status: number | null } {
  const file = path.join(root, 'probe.mjs');
  writeFileSync(file, source);
  const result = spawnSync(process.execPath, [file], { cwd: root, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'info' } });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const cliPackage = (dependencies: Record<string, string> = {}) =>
  JSON.stringify({ name: 'tool', version: '1.0.0', type: 'module', bin: { tool: 'bin/tool.js' }, dependencies }, null, 2);

const reportFromKit = (kitDir: string) => `
import { reportError } from './${kitDir}/index.js';
reportError(new Error('could not read the config at postgres://app:s3cr3t@db/app'), { operation: 'load-config' });
`;

describe('a CLI profile', () => {
  it('writes the console logger to stderr and leaves stdout to the program', () => {
    const { root, kitDir, target } = initProject({ 'package.json': cliPackage(), 'bin/tool.js': "console.log('hello');\n" }, ['--profile', 'cli', '--logger', 'console']);
    expect(target.profile).toBe('cli');
    const { stdout, stderr, status } = runScript(root, reportFromKit(kitDir));
    expect(status).toBe(0);
    expect(stdout).toBe('');
    const line = JSON.parse(stderr.trim()) as { level: string; operation: string; err: { message: string } };
    expect(line).toMatchObject({ level: 'error', operation: 'load-config' });
    expect(stderr).not.toContain('s3cr3t');
  });

  it('writes the pino logger to stderr too', () => {
    const { root, kitDir } = initProject({ 'package.json': cliPackage({ pino: '^10.0.0' }), 'bin/tool.js': "console.log('hello');\n" }, [
      '--profile',
      'cli',
      '--logger',
      'pino',
    ]);
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], root);
    const { stdout, stderr, status } = runScript(root, reportFromKit(kitDir));
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(stderr.trim())).toMatchObject({ level: 'error', operation: 'load-config' });
  });

  it('is what tells the logger where to write: a service logs the same call on stdout', () => {
    const { root, kitDir } = initProject({ 'package.json': cliPackage(), 'bin/tool.js': "console.log('hello');\n" }, ['--profile', 'service', '--logger', 'console']);
    const { stdout, stderr } = runScript(root, reportFromKit(kitDir));
    expect(stderr).toBe('');
    expect(JSON.parse(stdout.trim())).toMatchObject({ level: 'error', operation: 'load-config' });
  });
});

describe('a library profile', () => {
  it('gets error classes, normalize and causes only, an index exporting what exists, and passing tests', () => {
    const { root, kitDir, target } = initProject(
      {
        'package.json': JSON.stringify({ name: 'parse-things', version: '1.0.0', main: 'index.js', files: ['index.js', 'errors'] }, null, 2),
        'index.js': 'module.exports = { parse: (text) => JSON.parse(text) };\n',
      },
      ['--profile', 'library'],
    );
    expect(target.profile).toBe('library');
    // `files` publishes the kit's folder, so its test goes to a test folder, out of the package.
    expect(readdirSync(path.join(root, kitDir)).sort()).toEqual(['app-error.js', 'catalog.js', 'index.js', 'normalize.js']);
    expect(target.testFile).toBe('test/errors/kit.test.js');
    const exported = run(process.execPath, ['-e', `console.log(Object.keys(require('./${kitDir}/index.js')).sort().join(' '))`], root).trim().split(' ');
    expect(exported).toEqual(expect.arrayContaining(['AppError', 'normalize', 'isAppError', 'errorClasses']));
    for (const absent of ['logger', 'handleError', 'reportError', 'installProcessHandlers', 'retry', 'runWithContext']) expect(exported).not.toContain(absent);
    for (const file of readdirSync(path.join(root, kitDir))) {
      expect(readFileSync(path.join(root, kitDir, file), 'utf8'), file).not.toMatch(/require\(["']\.\/(?:logger|context|handler|process-handlers)|process\.on\(|node:async_hooks/);
    }
    const tested = spawnSync(process.execPath, ['--test', target.testFile!], { cwd: root, encoding: 'utf8' });
    expect(tested.stdout).toMatch(/# fail 0/);
    expect(tested.status, tested.stdout + tested.stderr).toBe(0);
  });
});

/** A logger module of the project's own that records its calls, in either argument order. */
const recordingLogger = `export const calls = [];
const record = (level) => (...args) => { calls.push({ level, args }); };
export const log = { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
`;

describe("the project's own logger", () => {
  it('is found by init and written through, fields first, with redaction and the kit classification', () => {
    const importer = (name: string) => `import { log } from './lib/log.js';\nexport function ${name}() { log.info({ at: '${name}' }, 'ran'); }\n`;
    const { root, kitDir, target } = initProject(
      {
        'package.json': JSON.stringify({ name: 'svc', version: '1.0.0', type: 'module', scripts: { start: 'node src/a.js' } }, null, 2),
        'src/lib/log.js': `import pino from 'pino';\nexport const log = pino();\n`,
        'src/a.js': importer('a'),
        'src/b.js': importer('b'),
        'src/c.js': importer('c'),
      },
      [],
    );
    expect(target.logger).toBe('project');
    expect(target.projectLogger).toMatchObject({ path: 'src/lib/log.js', export: 'log', style: 'fields-first' });
    // pino is not installed here: the module is swapped for one that records its calls.
    writeFileSync(path.join(root, 'src/lib/log.js'), recordingLogger);
    const { stdout, stderr, status } = runScript(
      root,
      `${reportFromKit(kitDir)}\nconst { calls } = await import('./src/lib/log.js');\nconsole.log(JSON.stringify(calls));`,
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const [call] = JSON.parse(stdout) as Array<{ level: string; args: [Record<string, any>, string] }>;
    expect(call!.level).toBe('error');
    const [fields, message] = call!.args;
    expect(typeof message).toBe('string');
    expect(fields).toMatchObject({ operation: 'load-config', err: { name: 'Error', code: 'INTERNAL' } });
    expect(JSON.stringify(call)).not.toContain('s3cr3t');
  });

  it.each([
    ['message-first', [] as string[]],
    // A logger that takes a module or topic name first gets the kit's folder name there, not the message.
    ['topic-first', ['errors']],
  ] as const)('is called %s when that is its style, and a missing fatal falls back to error', async (style, leading) => {
    const root = tempDir(`profile-${style}`);
    const target: CatalogTarget = {
      language: 'javascript',
      moduleSystem: 'esm',
      importSuffix: '.js',
      kitDir: 'src/errors',
      runbookDir: 'docs/runbooks',
      framework: 'none',
      logger: 'project',
      projectLogger: { path: 'src/lib/log.js', export: 'log', style },
      testRunner: 'node:test',
      docsBaseUrl: null,
    };
    for (const file of await renderCatalogFiles(newCatalog(target), root, 'svc')) {
      mkdirSync(path.dirname(path.join(root, file.path)), { recursive: true });
      writeFileSync(path.join(root, file.path), file.content);
    }
    writeTree(root, { 'package.json': JSON.stringify({ type: 'module' }), 'src/lib/log.js': recordingLogger });
    const { stdout, status, stderr } = runScript(
      root,
      `import { logger } from './src/errors/logger.js';
logger.fatal({ token: 'tok-123', attempt: 2 }, 'gave up with Bearer abcdef123456');
const { calls } = await import('./src/lib/log.js');
console.log(JSON.stringify(calls));`,
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const [call] = JSON.parse(stdout) as Array<{ level: string; args: unknown[] }>;
    expect(call).toEqual({ level: 'error', args: [...leading, 'gave up with Bearer [REDACTED]', { token: '[REDACTED]', attempt: 2 }] });
    // The kit's own tests pass with the project's logger behind it.
    const tested = spawnSync(process.execPath, ['--test', 'src/errors/kit.test.js'], { cwd: root, encoding: 'utf8' });
    expect(tested.stdout).toMatch(/# fail 0/);
  });

  it.each([
    ['src/errors', 'src/lib/log.ts', '.js', '../lib/log.js'],
    ['src/errors', 'src/lib/log.ts', '', '../lib/log'],
    ['src/errors', 'src/log/index.ts', '', '../log'],
    ['src/errors', 'src/log/index.ts', '.js', '../log/index.js'],
    ['errors', 'lib/logger.mjs', '', '../lib/logger.mjs'],
    ['src/errors', 'src/errors/log.cts', '.js', './log.cjs'],
    ['src/errors', 'src/logger.mts', '', '../logger.mjs'],
  ])('is imported from %s for %s with suffix "%s" as %s', (kitDir, loggerPath, suffix, expected) => {
    expect(projectLoggerSpecifier(kitDir, loggerPath, suffix)).toBe(expected);
  });
});
