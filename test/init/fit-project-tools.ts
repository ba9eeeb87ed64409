import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { faultline, run, tempDir, writeTree } from '../support/cli.js';

/**
 * A project shaped like real ones that lint and test themselves with their own tools. Its
 * dependencies are installed from the registry before `init`, as in a project being worked on,
 * so that init can use the installed linter; then the project's own commands must pass.
 */
export interface ToolsCase {
  name: string;
  files: Record<string, string>;
  /** Where the kit's test must land: where the project's runner collects it. */
  kitTest: string;
  /** The project's own commands, each of which must pass after init. */
  commands: string[][];
  /** What the runner prints for a test of the project's own (its name, or its file's): `npm test` runs it, `npm run test:errors` must not. */
  ownTest: string;
  /** More checks on the generated project. */
  verify?: (dir: string) => void;
}

export const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

export function generateAndCheck(testCase: ToolsCase): void {
  const dir = tempDir('tools');
  writeTree(dir, testCase.files);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);

  const dryRun = faultline(['init', '--yes', '--dry-run', '--json'], { cwd: dir });
  expect(dryRun.code).toBe(0);
  const result = faultline(['init', '--yes'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(existsSync(path.join(dir, testCase.kitTest)), testCase.kitTest).toBe(true);

  // The dry run showed exactly what was then written, fixer output included.
  const planned = (JSON.parse(dryRun.stdout) as { files: Array<{ path: string; diff: string }> }).files.find((f) => f.path === testCase.kitTest);
  const written = readFileSync(path.join(dir, testCase.kitTest), 'utf8');
  const added = planned!.diff.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++')).map((line) => line.slice(1));
  expect(added.join('\n')).toBe(written.replace(/\n$/, ''));

  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  for (const [command, ...args] of testCase.commands) run(command!, args, dir);
  const all = runWithOutput(['npm', 'test'], dir);
  expect(all).toContain(testCase.ownTest);
  const kitOnly = runWithOutput(['npm', 'run', 'test:errors'], dir);
  expect(kitOnly).not.toContain(testCase.ownTest);
  expect(kitOnly).toMatch(/kit|retry/);
  testCase.verify?.(dir);
}

/** Runs a command that must pass, and returns what it printed on stdout and stderr (jest reports on stderr). */
function runWithOutput([command, ...args]: string[], cwd: string): string {
  const result = spawnSync(command!, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' } });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}\n${output}`);
  return output;
}
