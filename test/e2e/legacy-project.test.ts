/**
 * The main job, end to end: a legacy project with every smell the transforms fix gets the kit
 * (`init`), is migrated through the built command, and still passes its own test suite unchanged —
 * and, for TypeScript, still compiles under strict settings. A second migrate changes nothing.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MigrateReport } from '../../cli/migrate/report.js';
import { allTransforms } from '../../transforms/javascript/registry.js';
import { faultline, repoRoot, run, tempDir } from '../support/cli.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A copy of `examples/legacy-app/<name>` with its dependencies installed, committed to a new git repository. */
function legacyProject(name: 'js' | 'ts'): string {
  const root = tempDir(`legacy-${name}`);
  created.push(root);
  const source = path.join(repoRoot, 'examples', 'legacy-app', name);
  cpSync(source, root, { recursive: true, filter: (file) => !/(^|[\\/])(node_modules|dist)([\\/]|$)/.test(path.relative(source, file)) });
  // TypeScript itself comes from the registry (the npm cache makes repeated runs quick); the JavaScript project needs nothing.
  if (name === 'ts') run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], root);
  git(root, 'init', '-q');
  commitAll(root, 'legacy project');
  return root;
}

function git(cwd: string, ...args: string[]): string {
  return run('git', ['-c', 'user.name=Legacy Team', '-c', 'user.email=team@example.com', '-c', 'commit.gpgsign=false', ...args], cwd);
}

function commitAll(cwd: string, message: string): void {
  git(cwd, 'add', '--all');
  git(cwd, 'commit', '-q', '--allow-empty', '-m', message);
}

function read(root: string, file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}

/** Runs the built command and fails with its output when the exit code is not the expected one. */
function cli(args: string[], cwd: string, expectedCode = 0): string {
  const result = faultline(args, { cwd });
  expect(result.code, `faultline ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(expectedCode);
  return result.stdout;
}

/** Every transform, those that change behaviour included: the legacy project is migrated all the way. */
const ALL_TRANSFORMS = allTransforms.map((transform) => transform.meta.id).join(',');

function migrateReport(cwd: string): MigrateReport {
  return JSON.parse(cli(['migrate', '.', '--json', '--transform', ALL_TRANSFORMS], cwd)) as MigrateReport;
}

/**
 * Mappings the team writes once it has read its own messages (init only proposes some, disabled);
 * its messages are written for clients, so they may show them.
 */
const OWNER_MAPPINGS = [
  { pattern: 'not found|does not exist', flags: 'i', error: 'NotFoundError', expose: true },
  { pattern: 'already exists', flags: 'i', error: 'ConflictError', expose: true },
  { pattern: 'invalid|must be|is required', flags: 'i', error: 'ValidationError', expose: true },
];

function writeOwnerMappings(root: string): void {
  const file = path.join(root, 'faultline.catalog.json');
  const catalog = JSON.parse(readFileSync(file, 'utf8')) as { mappings: unknown[]; target: Record<string, unknown> };
  catalog.mappings = OWNER_MAPPINGS;
  // The legacy app answers requests: a service, whatever its package.json leaves open.
  catalog.target.profile = 'service';
  writeFileSync(file, JSON.stringify(catalog, null, 2) + '\n');
}

/** Lines every migrated project must contain, by file: one or more per smell, so each rewrite is pinned down. */
const REWRITTEN: Record<'js' | 'ts', Record<string, string[]>> = {
  js: {
    'src/users.js': [
      "import { reportError, ValidationError, AppError, ConflictError, NotFoundError } from './errors/index.js';",
      // domain-errors
      "  if (!input.email) throw new ValidationError('Email is required');",
      '  if (existing) throw new ConflictError(`User ${input.email} already exists`);',
      // throw-literal: a string, and an object whose fields become details
      "  if (typeof input.name !== 'string') throw new ValidationError('Name must be a string');",
      "    throw new AppError('Too many users', { details: { code: 'E_LIMIT' } });",
      // useless-catch, with domain-errors inside the unwrapped block
      'export async function findUser(email) {\n  const user = await store.get(\'users\', email);\n  if (!user) throw new NotFoundError(`User ${email} not found`);\n  return user;\n}',
      // promise-catch keeps the fallback value
      "  return findUser(email).catch((error) => { reportError(error, { operation: 'findUserOrNull' }); return null; });",
      // error-cause, alone and together with domain-errors
      "    throw new Error('Could not read user record', { cause: e });",
      '    throw new NotFoundError(`User ${email} not found`, { cause: e });',
      // empty-catch
      "  } catch (e) {\n    reportError(e, { operation: 'removeUser' });\n  }",
    ],
    'src/orders.js': [
      "import { NotFoundError, ValidationError, reportError } from './errors/index.js';",
      '      if (order === undefined) reject(new NotFoundError(`Order ${id} does not exist`));',
      "  if (items.length === 0) throw new ValidationError('Invalid order: no items');",
      ".catch((error) => { reportError(error, { operation: 'notifyWarehouse' }); });",
      "  return store.count('orders').catch((error) => { reportError(error, { operation: 'countOrders' }); return 0; });",
      "  return store.remove('orders', id).catch((err) => { reportError(err, { operation: 'archiveOrder' }); });",
    ],
    'src/settings.js': [
      "import { logger, reportError } from './errors/index.js';",
      "    logger.error({ err }, 'Failed to load settings');",
      "  return store.put('settings', 'app', settings).catch(function (error) { reportError(error, { operation: 'saveSettings' }); });",
    ],
  },
  ts: {
    'src/users.ts': [
      "import { reportError, ValidationError, AppError, ConflictError, NotFoundError } from './errors/index.js';",
      "  if (!input.email) throw new ValidationError('Email is required');",
      '  if (existing) throw new ConflictError(`User ${input.email} already exists`);',
      "  if (typeof input.name !== 'string') throw new ValidationError('Name must be a string');",
      "    throw new AppError('Too many users', { details: { code: 'E_LIMIT' } });",
      "export async function findUser(email: string): Promise<User> {\n  const user = await store.get<User>('users', email);\n  if (!user) throw new NotFoundError(`User ${email} not found`);\n  return user;\n}",
      "  return findUser(email).catch((error) => { reportError(error, { operation: 'findUserOrNull' }); return null; });",
      "    throw new Error('Could not read user record', { cause: e });",
      '  } catch (e: unknown) {\n    throw new NotFoundError(`User ${email} not found`, { cause: e });',
      // An omitted catch binding is added.
      "  } catch (error) {\n    reportError(error, { operation: 'removeUser' });\n  }",
    ],
    'src/orders.ts': [
      "import { NotFoundError, ValidationError, reportError } from './errors/index.js';",
      '      if (order === undefined) reject(new NotFoundError(`Order ${id} does not exist`));',
      "  if (items.length === 0) throw new ValidationError('Invalid order: no items');",
      ".catch((error) => { reportError(error, { operation: 'notifyWarehouse' }); });",
      "  return store.count('orders').catch((error) => { reportError(error, { operation: 'countOrders' }); return 0; });",
      "  return store.remove('orders', id).catch((err) => { reportError(err, { operation: 'archiveOrder' }); });",
      // `undefined` stays explicit, so the promise keeps its `Order | undefined` type.
      ".catch((error) => { reportError(error, { operation: 'latestOrder' }); return undefined; });",
    ],
    'src/settings.ts': [
      "import { logger, reportError } from './errors/index.js';",
      "    logger.error({ err }, 'Failed to load settings');",
      "  return store.put('settings', 'app', settings).catch(function (error) { reportError(error, { operation: 'saveSettings' }); });",
    ],
  },
};

/** Smells that must be gone after the migration. */
const GONE = [/throw '/, /throw \{/, /catch \((?:e|err)?\) \{\}/, /catch \{\}/, /throw err;/, /\.catch\(\(\) =>/, /console\.(error|log)/, /catch\(function \(\)/];

describe.each(['js', 'ts'] as const)('a legacy %s project', (name) => {
  it('is migrated to the kit, passes its own tests unchanged, and a second migrate changes nothing', () => {
    const root = legacyProject(name);
    const ext = name;
    // The legacy suite passes as it is: afterwards it must still pass, with the same assertions.
    run('npm', ['test'], root);

    cli(['init', '--yes'], root);
    expect(read(root, 'faultline.catalog.json')).toContain('"mappings"');
    writeOwnerMappings(root);
    commitAll(root, 'add the error kit');
    const before = Object.fromEntries(['src/users', 'src/orders', 'src/settings'].map((file) => [file, read(root, `${file}.${ext}`)]));

    // A dry run prints the diff and writes nothing.
    const preview = cli(['migrate', '.', '--dry-run', '--no-color', '--transform', ALL_TRANSFORMS], root);
    expect(preview).toContain(`--- a/src/users.${ext}`);
    expect(preview).toContain("-  if (!input.email) throw new Error('Email is required');");
    expect(preview).toContain("+  if (!input.email) throw new ValidationError('Email is required');");
    expect(git(root, 'status', '--porcelain')).toBe('');

    const report = migrateReport(root);
    expect(report.files.failed).toBe(0);
    expect(report.changed.map((file) => file.path).sort()).toEqual([`src/orders.${ext}`, `src/settings.${ext}`, `src/users.${ext}`]);
    // The legacy app asks no probe; narrow-catch has fixtures of its own.
    for (const transform of allTransforms.filter(({ meta }) => meta.id !== 'narrow-catch')) {
      expect(report.perTransform[transform.meta.id]?.fixed, `${transform.meta.id} fixed nothing`).toBeGreaterThan(0);
    }
    // Only the sources changed: the kit and the project's tests are as they were.
    expect(git(root, 'diff', '--name-only').trim().split('\n').sort()).toEqual([`src/orders.${ext}`, `src/settings.${ext}`, `src/users.${ext}`]);

    for (const [file, lines] of Object.entries(REWRITTEN[name])) {
      const text = read(root, file);
      for (const line of lines) expect(text, file).toContain(line);
      for (const smell of GONE) expect(text, `${file} still matches ${smell}`).not.toMatch(smell);
    }
    for (const [file, text] of Object.entries(before)) expect(read(root, `${file}.${ext}`)).not.toBe(text);

    if (name === 'ts') run(path.join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', 'tsconfig.json'], root);
    run('npm', ['test'], root);

    commitAll(root, 'migrate error handling');
    const again = migrateReport(root);
    expect(again.files.changed).toBe(0);
    expect(again.files.failed).toBe(0);
    for (const counts of Object.values(again.perTransform)) expect(counts.fixed).toBe(0);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });
});
