/** The library's `migrate` takes the same verification as `faultline migrate --verify`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../cli/api.js';
import { CONFIG_SOURCE, CONFIG_SUITE, projectWithKit, removeProjects, SITES_UNDER_TEST } from './project.js';

afterAll(removeProjects);

describe("the library's migrate with verify", () => {
  it('leaves alone the rewrites that break a test and reports them, keeping the rest', async () => {
    const root = await projectWithKit({ 'src/config.js': CONFIG_SOURCE, 'test/config.test.js': CONFIG_SUITE, '.gitignore': '.runs\n' });
    const report = await migrate({ cwd: root, paths: ['src'], transforms: SITES_UNDER_TEST, verify: { command: 'node --test test/' } });
    expect(report.verify?.command).toBe('node --test test/');
    expect(report.verify?.failingBefore).toEqual(['already broken before any migration']);
    expect(report.verify?.reverted.length).toBeGreaterThan(0);
    for (const site of report.verify?.reverted ?? []) expect(site.breaks.length).toBeGreaterThan(0);
    expect(report.files.changed).toBe(1);
    // A warning the suite watches is one of the sites left alone.
    expect(readFileSync(path.join(root, 'src/config.js'), 'utf8')).toContain("console.warn('config unreadable', err);");
  });

  it('refuses a verification without a command', async () => {
    await expect(migrate({ cwd: '.', verify: { command: ' ' } })).rejects.toMatchObject({ name: 'UsageError' });
  });
});
