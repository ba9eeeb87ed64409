import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCatalog } from '../../cli/catalog/defaults.js';
import type { Profile } from '../../cli/catalog/model.js';
import { renderCatalogFiles } from '../../cli/generate/render-catalog-files.js';
import { tempDir } from '../support/cli.js';

/** A command-line tool's stdout is its output: the Python kit's logging config writes to stderr there. */
async function logOnce(profile: Profile): Promise<{ stdout: string; stderr: string }> {
  const root = tempDir(`py-${profile}`);
  mkdirSync(path.join(root, 'tool'));
  writeFileSync(path.join(root, 'tool/__init__.py'), '');
  const catalog = newCatalog({
    language: 'python', moduleSystem: 'esm', importSuffix: '', kitDir: 'tool/errors', runbookDir: 'docs/runbooks',
    framework: 'none', logger: 'console', testRunner: 'unittest', docsBaseUrl: null, profile,
  });
  for (const file of await renderCatalogFiles(catalog, root, 'tool')) {
    mkdirSync(path.dirname(path.join(root, file.path)), { recursive: true });
    writeFileSync(path.join(root, file.path), file.content);
  }
  const script = [
    'import logging, logging.config',
    'from tool.errors.logging_config import build_logging_config',
    'logging.config.dictConfig(build_logging_config())',
    "logging.getLogger('tool').error('could not read the config')",
  ].join('\n');
  const result = spawnSync('python3', ['-c', script], { cwd: root, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return { stdout: result.stdout, stderr: result.stderr };
}

describe("the Python kit's logging config", () => {
  it('writes JSON lines to stderr for a command-line tool', async () => {
    const { stdout, stderr } = await logOnce('cli');
    expect(stdout).toBe('');
    expect(JSON.parse(stderr.trim())).toMatchObject({ level: 'error', msg: 'could not read the config' });
  });

  it('writes them to stdout for a service', async () => {
    const { stdout, stderr } = await logOnce('service');
    expect(stderr).toBe('');
    expect(JSON.parse(stdout.trim())).toMatchObject({ level: 'error' });
  });
});
