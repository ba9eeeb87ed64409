import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/errors.js';
import { mergeReports } from '../../cli/migrate/merge-reports.js';
import { runDetect, runMigrate } from '../../cli/migrate/run.js';
import { fnv1a, parseShard } from '../../cli/migrate/shard.js';
import { createProject, reportEmptyCatch, writeFiles, removeProjects } from './helpers.js';

afterAll(removeProjects);

const emptyCatch = 'export function load() {\n  try {\n    read();\n  } catch (error) {}\n}\n';
const available = [reportEmptyCatch];

function read(root: string, file: string): Buffer {
  return readFileSync(path.join(root, file));
}

describe('a file that does not parse', () => {
  it('is reported with path, line and column, left byte for byte untouched, and the others proceed', async () => {
    const broken = Buffer.from('export function f() {\r\n  try { x( } catch (e) {}\r\n}\r\n');
    const root = createProject({ 'src/broken.ts': broken, 'src/good.ts': emptyCatch });
    const report = await runMigrate({ cwd: root, available });
    expect(report.failed).toEqual([{ path: 'src/broken.ts', line: 2, column: 12, message: expect.stringMatching(/^Unexpected token/) }]);
    expect(report.files.failed).toBe(1);
    expect(read(root, 'src/broken.ts').equals(broken)).toBe(true);
    expect(report.changed.map((file) => file.path)).toEqual(['src/good.ts']);
  });
});

describe('files that are not source text', () => {
  it('skips a binary file with a reason and leaves it alone', async () => {
    const binary = Buffer.concat([Buffer.from('try {} catch (e) {}\n'), Buffer.from([0, 1, 2, 255, 0])]);
    const root = createProject({ 'src/blob.js': binary });
    const report = await runMigrate({ cwd: root, available });
    expect(report.skipped).toEqual([{ path: 'src/blob.js', reason: 'binary file (contains NUL bytes)' }]);
    expect(read(root, 'src/blob.js').equals(binary)).toBe(true);
  });

  it('skips a 5 MB file under the default limit, and migrates it when the limit is raised', async () => {
    const huge = emptyCatch + '// padding catch throw\n'.repeat(230_000);
    expect(huge.length).toBeGreaterThan(5_000_000);
    const root = createProject({ 'src/huge.js': huge });
    const report = await runMigrate({ cwd: root, available });
    expect(report.skipped).toEqual([{ path: 'src/huge.js', reason: 'larger than the 2.0 MB limit (5.0 MB); raise it with --max-file-size' }]);
    expect(read(root, 'src/huge.js').toString()).toBe(huge);

    const raised = await runMigrate({ cwd: root, available, maxFileSize: 8 * 1024 * 1024 });
    expect(raised.changed.map((file) => file.path)).toEqual(['src/huge.js']);
  });

  it('skips a file that is not UTF-8 rather than mangling its bytes', async () => {
    const latin1 = Buffer.concat([Buffer.from("const s = '"), Buffer.from([0xe9]), Buffer.from("';\n" + emptyCatch)]);
    const root = createProject({ 'src/latin1.js': latin1 });
    const report = await runMigrate({ cwd: root, available });
    expect(report.skipped).toEqual([{ path: 'src/latin1.js', reason: 'not UTF-8 text; only UTF-8 files are rewritten' }]);
    expect(read(root, 'src/latin1.js').equals(latin1)).toBe(true);
  });
});

describe('symbolic links', () => {
  it('finishes despite a link loop, and never writes through a link', async () => {
    const root = createProject({ 'src/a.ts': emptyCatch, 'shared/target.ts': emptyCatch });
    symlinkSync('..', path.join(root, 'src', 'loop'));
    symlinkSync('self.ts', path.join(root, 'src', 'self.ts'));
    symlinkSync(path.join(root, 'shared', 'target.ts'), path.join(root, 'src', 'linked.ts'));
    const report = await runMigrate({ cwd: root, paths: ['src'], available });
    expect(report.changed.map((file) => file.path)).toEqual(['src/a.ts']);
    expect(report.skipped.map((file) => file.path)).toEqual(['src/linked.ts', 'src/loop', 'src/self.ts']);
    expect(read(root, 'shared/target.ts').toString()).toBe(emptyCatch);
  });
});

describe('files that cannot be read', () => {
  it('reports a file without read permission as failed and goes on', async (context) => {
    const root = createProject({ 'src/locked.ts': emptyCatch, 'src/open.ts': emptyCatch });
    chmodSync(path.join(root, 'src/locked.ts'), 0o000);
    let readableAnyway = true;
    try {
      readFileSync(path.join(root, 'src/locked.ts'));
    } catch {
      readableAnyway = false;
    }
    // Root reads files whatever their mode; the two tests below make reading fail in ways root cannot bypass.
    if (readableAnyway) context.skip();
    const report = await runMigrate({ cwd: root, available });
    expect(report.failed).toEqual([{ path: 'src/locked.ts', line: null, column: null, message: 'cannot read the file: permission denied — check its permissions' }]);
    expect(report.changed.map((file) => file.path)).toEqual(['src/open.ts']);
  });

  it('reports a file that vanishes mid-run as failed and goes on', async () => {
    const root = createProject({ 'src/a.ts': emptyCatch, 'src/b.ts': emptyCatch, 'src/c.ts': emptyCatch });
    const report = await runMigrate({
      cwd: root,
      available,
      onProgress: (progress) => {
        if (progress.phase === 'scan' && progress.path === 'src/a.ts') rmSync(path.join(root, 'src/b.ts'));
      },
    });
    expect(report.failed).toEqual([{ path: 'src/b.ts', line: null, column: null, message: 'the file disappeared during the run' }]);
    expect(report.changed.map((file) => file.path)).toEqual(['src/a.ts', 'src/c.ts']);
  });

  it('skips a FIFO named like a source file instead of blocking on it', async () => {
    const root = createProject({ 'src/a.ts': emptyCatch });
    execFileSync('mkfifo', [path.join(root, 'src/pipe.ts')]);
    const report = await runMigrate({ cwd: root, available });
    expect(report.skipped).toEqual([{ path: 'src/pipe.ts', reason: 'not a regular file' }]);
    expect(report.changed.map((file) => file.path)).toEqual(['src/a.ts']);
  });

  it('does not write a file that changed on disk after it was read', async () => {
    const root = createProject({ 'src/a.ts': emptyCatch, 'src/b.ts': emptyCatch });
    const edited = emptyCatch + '// edited meanwhile\n';
    // Forced: the edit would otherwise also be an uncommitted change, refused before any write.
    const report = await runMigrate({
      cwd: root,
      available,
      force: true,
      onProgress: (progress) => {
        if (progress.phase === 'scan' && progress.path === 'src/b.ts') writeFileSync(path.join(root, 'src/a.ts'), edited);
      },
    });
    expect(report.failed).toEqual([{ path: 'src/a.ts', line: null, column: null, message: 'the file changed on disk while migrate ran; left as it is — run migrate again' }]);
    expect(read(root, 'src/a.ts').toString()).toBe(edited);
    expect(report.changed.map((file) => file.path)).toEqual(['src/b.ts']);
    expect(report.perTransform['report-empty-catch']?.fixed).toBe(1);
  });
});

describe('a run killed part-way', () => {
  it('leaves every file either exactly old or exactly new', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1200; i++) files[`src/m${String(i).padStart(4, '0')}.ts`] = emptyCatch.replace('read()', `read${i}()`);
    const root = createProject(files);
    const finished = createProject({});
    cpSync(root, finished, { recursive: true });
    await runMigrate({ cwd: finished, available, force: true });

    const child = spawn(process.execPath, [path.join(import.meta.dirname, 'interrupted-run.mjs'), root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const outcome = await new Promise<string>((resolve) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        if (buffered.includes('wrote ')) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL' ? 'killed' : `exited: ${buffered} ${stderr}`));
    });
    expect(outcome).toBe('killed');

    let oldCount = 0;
    let newCount = 0;
    for (const file of Object.keys(files)) {
      const now = read(root, file).toString();
      const expected = read(finished, file).toString();
      expect(expected).not.toBe(files[file]);
      if (now === files[file]) oldCount++;
      else if (now === expected) newCount++;
      else throw new Error(`${file} is neither the old nor the new content:\n${now}`);
    }
    expect(newCount).toBeGreaterThan(0);
    expect(oldCount).toBeGreaterThan(0);
    // At most the one temporary file being written when the process died is left behind, never under a source name.
    const leftovers = readdirSync(path.join(root, 'src')).filter((name) => !(`src/${name}` in files));
    expect(leftovers.length).toBeLessThanOrEqual(1);
    for (const name of leftovers) expect(name).toMatch(/\.ts\.\d+$/);
  }, 60_000);
});

describe('what a rewrite keeps', () => {
  it('keeps a byte order mark and CRLF line endings', async () => {
    const source = '\uFEFF' + emptyCatch.replace(/\n/g, '\r\n');
    const root = createProject({ 'src/windows.ts': source });
    await runMigrate({ cwd: root, available });
    const bytes = read(root, 'src/windows.ts');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('reportError(error)');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n').length).toBeGreaterThan(source.split('\r\n').length);
  });

  it('keeps the file mode', async () => {
    const root = createProject({ 'bin/tool.js': '#!/usr/bin/env node\n' + emptyCatch, 'src/private.ts': emptyCatch });
    chmodSync(path.join(root, 'bin/tool.js'), 0o755);
    chmodSync(path.join(root, 'src/private.ts'), 0o640);
    const report = await runMigrate({ cwd: root, available, force: true });
    expect(report.files.changed).toBe(2);
    expect(statSync(path.join(root, 'bin/tool.js')).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(root, 'src/private.ts')).mode & 0o777).toBe(0o640);
  });
});

describe('uncommitted changes', () => {
  it('refuses to write over them without --force, and writes nothing at all', async () => {
    const root = createProject({ 'src/a.ts': emptyCatch, 'src/b.ts': emptyCatch });
    const edited = emptyCatch + '// work in progress\n';
    writeFileSync(path.join(root, 'src/a.ts'), edited);
    await expect(runMigrate({ cwd: root, available })).rejects.toThrow(
      new UsageError('1 file to be changed has uncommitted changes: src/a.ts — commit or stash them first, or pass --force'),
    );
    expect(read(root, 'src/a.ts').toString()).toBe(edited);
    expect(read(root, 'src/b.ts').toString()).toBe(emptyCatch);

    const dry = await runMigrate({ cwd: root, available, dryRun: true });
    expect(dry.files.changed).toBe(2);
    const forced = await runMigrate({ cwd: root, available, force: true });
    expect(forced.changed.map((file) => file.path)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(forced.warnings).toEqual([]);
  });

  it('counts untracked files as uncommitted, lists five and counts the rest', async () => {
    const root = createProject({ 'README.md': '# x\n' });
    const files: Record<string, string> = {};
    for (let i = 1; i <= 7; i++) files[`src/n${i}.ts`] = emptyCatch;
    writeFiles(root, files);
    await expect(runMigrate({ cwd: root, available })).rejects.toThrow(
      new UsageError('7 files to be changed have uncommitted changes: src/n1.ts, src/n2.ts, src/n3.ts, src/n4.ts, src/n5.ts and 2 more — commit or stash them first, or pass --force'),
    );
  });

  it('allows a run when only files it does not change are dirty', async () => {
    const root = createProject({ 'src/a.ts': emptyCatch, 'src/notes.ts': 'export {};\n' });
    writeFileSync(path.join(root, 'src/notes.ts'), 'export const draft = 1;\n');
    const report = await runMigrate({ cwd: root, available });
    expect(report.changed.map((file) => file.path)).toEqual(['src/a.ts']);
  });
});

describe('sharding', () => {
  it('splits files into disjoint shards whose union is every file, the same on every run', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`src/f${i}.ts`] = emptyCatch;
    const root = createProject(files);
    const shardFiles = async (index: number) =>
      (await runMigrate({ cwd: root, available, dryRun: true, shard: { index, count: 4 } })).changed.map((file) => file.path);
    const shards = [await shardFiles(1), await shardFiles(2), await shardFiles(3), await shardFiles(4)];
    const all = shards.flat();
    expect(all.length).toBe(150);
    expect(new Set(all).size).toBe(150);
    expect(new Set(all)).toEqual(new Set(Object.keys(files)));
    for (const shard of shards) expect(shard.length).toBeGreaterThan(15);
    expect(await shardFiles(3)).toEqual(shards[2]);
  });

  it('uses FNV-1a, so machines agree', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('accepts i/n with 1 <= i <= n only', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '1/2/3', '-1/2']) {
      expect(() => parseShard(bad)).toThrow(UsageError);
    }
  });

  it('merges shard reports into the report of a whole run', async () => {
    const files: Record<string, string> = { 'src/bad.ts': 'try { x( } catch {}\n' };
    for (let i = 0; i < 40; i++) files[`src/f${i}.ts`] = i % 3 === 0 ? 'export {};\n' : emptyCatch;
    const root = createProject(files);
    const whole = await runMigrate({ cwd: root, available, dryRun: true });
    const parts = [];
    for (let index = 1; index <= 3; index++) parts.push(await runMigrate({ cwd: root, available, dryRun: true, shard: { index, count: 3 } }));
    const merged = mergeReports(parts);
    expect(merged.files).toEqual(whole.files);
    expect(merged.changed).toEqual(whole.changed);
    expect(merged.failed).toEqual(whole.failed);
    expect(merged.perTransform).toEqual(whole.perTransform);
    expect(merged.languages).toEqual(whole.languages);
    expect(merged.shards).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
    expect(merged.warnings).toEqual([]);

    expect(mergeReports(parts.slice(0, 2)).warnings).toEqual(['reports of shard 3/3 are missing: the merged report covers only part of the project']);
    expect(() => mergeReports([parts[0]!, parts[0]!])).toThrow(new UsageError('shard 1/3 is given twice — pass each shard’s report once'.replace('’', "'")));
    expect(() => mergeReports([whole])).toThrow(UsageError);
  });
});

describe('a file whose analysis runs over the time budget', () => {
  // A pre-filter that never returns on one file stands for any pattern or parser that would hang.
  const hangsOnMarkedFile = { ...reportEmptyCatch, mightMatch: (source: string) => { while (source.includes('HANG')); return source.includes('catch'); } };

  it('is stopped, reported as skipped with the reason, and the other files are migrated', async () => {
    const files: Record<string, string> = { 'src/hang.js': `// HANG\n${emptyCatch}` };
    for (let index = 0; index < 70; index++) files[`src/file${index}.js`] = emptyCatch;
    const root = createProject(files);
    const report = await runMigrate({ cwd: root, available: [hangsOnMarkedFile], fileBudgetMs: 300, force: true });
    expect(report.skipped).toEqual([{ path: 'src/hang.js', reason: 'its analysis ran over the 300 ms budget for one file and was stopped; left as it is' }]);
    expect(report.changed).toHaveLength(70);
    expect(read(root, 'src/hang.js').toString()).toBe(`// HANG\n${emptyCatch}`);
  });

  it('is stopped in audit too, which reports the findings of the rest', async () => {
    const root = createProject({ 'src/a.js': emptyCatch, 'src/hang.js': `// HANG\n${emptyCatch}`, 'src/z.js': emptyCatch });
    const report = await runDetect({ cwd: root, available: [hangsOnMarkedFile], fileBudgetMs: 300 });
    expect(report.skipped.map((entry) => entry.path)).toEqual(['src/hang.js']);
    expect(report.findings.map((finding) => finding.path)).toEqual(['src/a.js', 'src/z.js']);
  });
});
