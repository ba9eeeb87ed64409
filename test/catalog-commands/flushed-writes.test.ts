import fs, { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAddError } from '../../cli/generate/add-error.js';
import { runSync } from '../../cli/generate/sync.js';
import { initializedProject, read } from './helpers.js';

/** The files whose temporary copy was flushed to disk before its rename, while `run` wrote. */
async function flushedWhile(run: () => Promise<unknown>): Promise<string[]> {
  // File descriptors are reused once closed: each is named when it is flushed.
  const opened = new Map<number, string>();
  const flushed: string[] = [];
  const fsync = vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
    flushed.push(opened.get(fd) ?? `fd ${fd}`);
  });
  const realOpen = fs.openSync;
  const open = vi.spyOn(fs, 'openSync').mockImplementation((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode | null) => {
    const fd = realOpen(file, flags, mode);
    opened.set(fd, String(file));
    return fd;
  });
  try {
    await run();
  } finally {
    fsync.mockRestore();
    open.mockRestore();
  }
  // A temporary file is named after its file with a numeric suffix (`catalog.ts.844286329`).
  return flushed.map((file) => path.basename(file).replace(/\.\d+$/, '')).sort();
}

describe('writes the catalog regenerates are not flushed one by one; the user\'s files are', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sync flushes package.json and refreshed runbook pages, not derived files or pages it creates', async () => {
    const dir = initializedProject('flushed-sync', { 'package.json': '{ "name": "flushed", "type": "module" }\n' });
    const catalog = JSON.parse(read(dir, 'faultline.catalog.json')) as { target: { logger: string }; errors: Array<{ code: string; status: number }> };
    catalog.errors.find((entry) => entry.code === 'CONFLICT')!.status = 422;
    catalog.target.logger = 'pino';
    writeFileSync(path.join(dir, 'faultline.catalog.json'), JSON.stringify(catalog, null, 2) + '\n');
    rmSync(path.join(dir, 'docs/runbooks/NOT_FOUND.md'));

    let written: string[] = [];
    const flushed = await flushedWhile(async () => {
      const result = await runSync({ root: dir, dryRun: false });
      written = result.changes.filter((change) => change.status !== 'unchanged').map((change) => path.basename(change.path)).sort();
    });

    // The catalog module and the error pages change, a page is created, pino joins package.json.
    expect(written).toEqual(expect.arrayContaining(['CONFLICT.md', 'NOT_FOUND.md', 'package.json']));
    expect(written.some((file) => /^catalog\.[jt]s$/.test(file))).toBe(true);
    expect(flushed).toEqual(['CONFLICT.md', 'package.json']);
  });

  it('add flushes the catalog it edits', async () => {
    const dir = initializedProject('flushed-add', { 'package.json': '{ "name": "flushed", "type": "module" }\n' });
    const flushed = await flushedWhile(() => runAddError({ root: dir, error: { name: 'PaymentDeclined', status: 402 }, dryRun: false }));
    expect(flushed).toEqual(['faultline.catalog.json']);
    expect(read(dir, 'faultline.catalog.json')).toContain('"PAYMENT_DECLINED"');
  });
});
