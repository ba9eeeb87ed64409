/**
 * Which files have uncommitted changes, so `migrate` never mixes its edits into work the user has not
 * committed (and could not tell apart or undo). One `git status` per run, started early so it runs
 * while files are being transformed.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { findGitTopLevel } from './gitignore.js';

export type GitState =
  | { kind: 'repository'; topLevel: string; dirty: Set<string> }
  | { kind: 'not-a-repository' }
  | { kind: 'unavailable'; reason: string };

/** Uncommitted files (modified, staged, untracked, conflicted) under `root`, as absolute paths. */
export function readGitState(root: string): Promise<GitState> {
  const topLevel = findGitTopLevel(root);
  if (topLevel === undefined) return Promise.resolve({ kind: 'not-a-repository' });
  return new Promise((resolve) => {
    execFile(
      'git',
      ['status', '--porcelain', '-z', '--untracked-files=all', '--', '.'],
      { cwd: root, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) {
          const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
          resolve({ kind: 'unavailable', reason: missing ? 'git is not installed' : firstLine(stderr) || error.message });
          return;
        }
        resolve({ kind: 'repository', topLevel, dirty: parsePorcelain(stdout, topLevel) });
      },
    );
  });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/** `git status --porcelain -z`: `XY path\0`, and for renames and copies `XY new\0old\0`; paths are relative to the top level. */
export function parsePorcelain(output: string, topLevel: string): Set<string> {
  const dirty = new Set<string>();
  const records = output.split('\0');
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as string;
    if (record.length < 4) continue;
    const status = record.slice(0, 2);
    dirty.add(path.join(topLevel, record.slice(3)));
    if (status.includes('R') || status.includes('C')) {
      const original = records[++i];
      if (original) dirty.add(path.join(topLevel, original));
    }
  }
  return dirty;
}
