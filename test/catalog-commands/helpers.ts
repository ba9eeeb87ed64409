import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { faultline, tempDir, writeTree, type CliResult } from '../support/cli.js';

/** Every file under `dir` (installed dependencies aside) with its content. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

/** A temp project with `files`, after a successful `faultline init --yes`. */
export function initializedProject(prefix: string, files: Record<string, string> = {}, initArgs: string[] = []): string {
  const dir = tempDir(prefix);
  writeTree(dir, files);
  const result = faultline(['init', '--yes', ...initArgs], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return dir;
}

export function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

/** A user mistake: exit code 2 and exactly one line on stderr, with no stack trace. */
export function expectOneLineRefusal(result: CliResult, reason: RegExp): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(reason);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

export function expectCheckPasses(dir: string): void {
  const check = faultline(['check'], { cwd: dir });
  expect(check.stdout + check.stderr).toMatch(/agree/);
  expect(check.code).toBe(0);
}

export interface CheckReport {
  ok: boolean;
  findings: Array<{ kind: string; severity: string; file: string; line?: number; column?: number; message: string; fix: string }>;
}

export function checkJson(dir: string): { code: number; report: CheckReport } {
  const result = faultline(['check', '--json'], { cwd: dir });
  return { code: result.code, report: JSON.parse(result.stdout) as CheckReport };
}
