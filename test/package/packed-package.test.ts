/**
 * faultline as a user gets it: the built package is packed, the tarball installed into a fresh project
 * from the npm registry, and everything the package promises is run from there — every command through
 * the installed bin, the library through `import('faultline')` and its declarations through tsc, and a
 * transform through `jscodeshift -t` with jscodeshift installed beside it. One install serves every case.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTransforms } from '../../transforms/javascript/registry.js';
import { repoRoot, tempDir, writeTree } from '../support/cli.js';

/** What the issue of a lean package set as the most a user's install may cost. */
const MAX_PACKAGES = 110;
const MAX_MEGABYTES = 60;

const own = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const env = { ...process.env, NO_COLOR: '1', CI: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
const docsBase = `https://github.com/faultline-dev/faultline/blob/v${own.version}/docs/`;

const scratch = tempDir('packed');
const project = path.join(scratch, 'project');
let tarballFiles: string[] = [];

const EMPTY_CATCH = (name: string) => `export async function ${name}(read) {\n  try {\n    return await read();\n  } catch (e) {}\n}\n`;

beforeAll(() => {
  if (!statSync(path.join(repoRoot, 'dist/lib/index.js'), { throwIfNoEntry: false })) throw new Error('dist/ is not built: run `npm run build` first (`npm test` does)');
  const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', scratch], { cwd: repoRoot, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] })) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarballFiles = packed!.files.map((file) => file.path);
  writeTree(project, {
    'package.json': JSON.stringify({ name: 'packed-consumer', version: '1.0.0', private: true, type: 'module' }, null, 2),
    'src/commands/load.js': EMPTY_CATCH('load'),
    'src/library/save.js': EMPTY_CATCH('save'),
    'src/codemod/fetch.js': EMPTY_CATCH('fetchAll'),
    '.gitignore': 'node_modules/\n',
  });
  git('init', '-q');
  execFileSync(npm, ['install', '--prefer-offline', path.join(scratch, packed!.filename)], { cwd: project, env, stdio: 'pipe' });
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `migrate` writes only in a git repository, over committed files, so the project commits what it has before each one. */
function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=faultline tests', '-c', 'user.email=tests@faultline.invalid', ...args], { cwd: project, stdio: 'pipe' });
}

function commitAll(message: string): void {
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', message);
}

/** The installed command, called as npm scripts and `npx` call it: through node_modules/.bin. */
function faultline(args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(path.join(project, 'node_modules/.bin/faultline'), args, { cwd: project, env, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function succeeds(args: string[]): string {
  const result = faultline(args);
  expect(result.code, `faultline ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

describe('the packed package', () => {
  it('ships the command, the library with its declarations and the standalone transforms, and not the intermediate build', () => {
    for (const file of ['dist/bin/faultline.js', 'dist/lib/index.js', 'dist/lib/index.d.ts', 'LICENSE', 'README.md', 'schema/catalog.schema.json']) {
      expect(tarballFiles, file).toContain(file);
    }
    for (const { meta } of allTransforms) {
      expect(tarballFiles).toContain(`dist/lib/transforms/${meta.id}.cjs`);
      expect(tarballFiles).toContain(meta.docs);
    }
    expect(tarballFiles.some((file) => file.startsWith('templates/'))).toBe(true);
    expect(tarballFiles.filter((file) => file.startsWith('dist/cli/') || file.startsWith('dist/transforms/'))).toEqual([]);
  });

  it(`installs at most ${MAX_PACKAGES} packages and ${MAX_MEGABYTES} MB, with jscodeshift left to whoever runs it`, () => {
    const lock = JSON.parse(readFileSync(path.join(project, 'node_modules/.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const installed = Object.keys(lock.packages).filter((key) => key.startsWith('node_modules/'));
    expect(installed.length).toBeLessThanOrEqual(MAX_PACKAGES);
    expect(diskUsage(path.join(project, 'node_modules')) / 1024 / 1024).toBeLessThanOrEqual(MAX_MEGABYTES);
    expect(installed).not.toContain('node_modules/jscodeshift');
  });

  it('runs every command from the installed bin', () => {
    expect(succeeds(['--version']).trim()).toBe(own.version);
    succeeds(['init', '--yes']);
    succeeds(['add', 'error', 'PaymentDeclined', '--status', '402', '--message', 'The payment was declined.']);
    expect(readFileSync(path.join(project, 'src/errors/catalog.js'), 'utf8')).toContain('PaymentDeclinedError');

    // An edit to the catalog by hand is drift until `sync` regenerates what derives from it.
    const catalogPath = path.join(project, 'faultline.catalog.json');
    const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as { errors: Array<{ code: string; message: string }> };
    catalog.errors.find((error) => error.code === 'PAYMENT_DECLINED')!.message = 'Your card was declined.';
    writeFileSync(catalogPath, JSON.stringify(catalog, null, 2) + '\n');
    const drift = faultline(['check']);
    expect(drift.code, drift.stdout).toBe(1);
    succeeds(['sync']);
    expect(readFileSync(path.join(project, 'src/errors/catalog.js'), 'utf8')).toContain('Your card was declined.');
    expect(succeeds(['check'])).toContain('agree');

    expect(succeeds(['migrate', 'src/commands', '--dry-run'])).toContain("+    reportError(e, { operation: 'load' });");
    expect(readFileSync(path.join(project, 'src/commands/load.js'), 'utf8')).toBe(EMPTY_CATCH('load'));
    commitAll('the kit');
    succeeds(['migrate', 'src/commands']);
    expect(readFileSync(path.join(project, 'src/commands/load.js'), 'utf8')).toContain("reportError(e, { operation: 'load' })");

    const sarif = JSON.parse(succeeds(['audit', 'src', '--format', 'sarif'])) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string }> } }; results: Array<{ ruleId: string }> }> };
    const driver = sarif.runs[0]!.tool.driver;
    expect(driver.rules.find((rule) => rule.id === 'empty-catch')?.helpUri).toBe(`${docsBase}transforms/empty-catch.md`);
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toContain('empty-catch');

    const listing = JSON.parse(succeeds(['list', '--json'])) as { transforms: Array<{ id: string; docsUrl: string }> };
    expect(listing.transforms.map((transform) => transform.docsUrl)).toEqual(allTransforms.map(({ meta }) => `${docsBase}transforms/${meta.id}.md`));
  });

  it("loads with import('faultline') and every API function works on the project", () => {
    commitAll('before the library migrates');
    const script = `
      import { audit, check, list, migrate, sarif, version } from 'faultline';
      const listed = list();
      const audited = await audit({ paths: ['src/library'] });
      const preview = await migrate({ paths: ['src/library'], dryRun: true });
      const applied = await migrate({ paths: ['src/library'] });
      const checked = await check();
      let refused;
      await migrate({ transforms: ['no-such-transform'] }).catch((error) => { refused = { name: error.name, message: error.message }; });
      console.log(JSON.stringify({ version, listed, audited, preview, applied, checked, refused, sarif: sarif(audited) }));
    `;
    const printed = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, env, encoding: 'utf8' });
    const result = JSON.parse(printed);
    expect(result.version).toBe(own.version);
    expect(result.listed.transforms.map((transform: { id: string }) => transform.id)).toEqual(allTransforms.map(({ meta }) => meta.id));
    expect(result.audited.findings).toEqual([expect.objectContaining({ ruleId: 'empty-catch', file: 'src/library/save.js', line: 4, fixable: true })]);
    expect(result.preview.changed).toEqual([expect.objectContaining({ path: 'src/library/save.js', transforms: ['empty-catch'], diff: expect.stringContaining('reportError(e') })]);
    expect(result.applied.dryRun).toBe(false);
    expect(result.applied.files.changed).toBe(1);
    expect(readFileSync(path.join(project, 'src/library/save.js'), 'utf8')).toContain("reportError(e, { operation: 'save' })");
    expect(result.checked).toMatchObject({ ok: true, findings: [] });
    expect(result.refused.name).toBe('UsageError');
    expect(result.refused.message).toContain('no-such-transform');
    expect(result.sarif.runs[0].tool.driver.rules[0].helpUri).toMatch(new RegExp(`^${docsBase}`));
  });

  it('declares its API in TypeScript for code that imports it', () => {
    writeTree(project, {
      'types/consumer.ts': [
        "import { audit, migrate, check, list, type AuditReport, type MigrateReport, type CheckResult } from 'faultline';",
        'export async function gate(): Promise<number> {',
        '  const report: AuditReport = await audit({ cwd: \'.\', paths: [\'src\'], shard: { index: 1, count: 2 } });',
        '  const preview: MigrateReport = await migrate({ dryRun: true, transforms: [\'empty-catch\'] });',
        '  const result: CheckResult = await check({ cwd: \'.\' });',
        '  return report.summary.bySeverity.error + preview.files.changed + result.findings.length + list().transforms.length;',
        '}',
        '// @ts-expect-error dryRun is a boolean',
        "migrate({ dryRun: 'yes' });",
        '',
      ].join('\n'),
      'types/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, types: [] }, files: ['consumer.ts'] }),
    });
    const tsc = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'types/tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('runs a transform under jscodeshift -t once jscodeshift is installed beside it', () => {
    execFileSync(npm, ['install', '--prefer-offline', `jscodeshift@${own.devDependencies.jscodeshift}`], { cwd: project, env, stdio: 'pipe' });
    const transform = path.join('node_modules/faultline/dist/lib/transforms/empty-catch.cjs');
    const run = spawnSync(path.join(project, 'node_modules/.bin/jscodeshift'), ['-t', transform, 'src/codemod/fetch.js', '--run-in-band'], { cwd: project, env, encoding: 'utf8' });
    expect(run.stdout, run.stderr).toMatch(/1 ok/);
    const rewritten = readFileSync(path.join(project, 'src/codemod/fetch.js'), 'utf8');
    expect(rewritten).toContain("import { reportError } from '../errors/index.js';");
    expect(rewritten).toContain("reportError(e, { operation: 'fetchAll' })");
  });
});

/** Bytes on disk, as `du` counts them. */
function diskUsage(dir: string): number {
  let total = statSync(dir).blocks * 512;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += diskUsage(full);
    else if (!entry.isSymbolicLink()) total += statSync(full).blocks * 512;
  }
  return total;
}
