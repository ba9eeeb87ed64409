import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docsBaseUrlAnswer, projectFolderAnswer } from '../../cli/commands/prompt-answers.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'faultline-prompt-answers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('answers the init wizard checks as they are typed', () => {
  const kitDir = projectFolderAnswer(root, 'kit directory');

  it.each(['src/errors', ' lib/errors ', 'errors'])('accepts the kit folder %j', (answer) => {
    expect(kitDir(answer)).toBe(true);
  });

  it.each(['../outside', '/etc/errors', 'C:\\errors', ''])('asks again for the kit folder %j, saying why without naming a flag', (answer) => {
    const reason = kitDir(answer);
    expect(reason).toMatch(/^the kit directory must be a relative path inside the project/);
    expect(reason).not.toMatch(/--/);
  });

  it.each(['', 'https://docs.example.com/errors', 'http://localhost:8080/runbooks'])('accepts the runbook URL %j', (answer) => {
    expect(docsBaseUrlAnswer(answer)).toBe(true);
  });

  it.each(['docs.example.com', 'ftp://x', 'https://a b'])('asks again for the runbook URL %j', (answer) => {
    expect(docsBaseUrlAnswer(answer)).toBe('give an http(s) URL (https://docs.example.com/errors), or leave it empty for none');
  });
});
