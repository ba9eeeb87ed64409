import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLikeProject } from '../../../transforms/javascript/lib/project-format.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'faultline-format-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(path.join(root, '.prettierrc'), JSON.stringify({ bracketSpacing: false, semi: false, printWidth: 60 }));
const file = path.join(root, 'a.js');

describe('formatLikeProject', () => {
  it("formats inserted code with the project's prettier options when the file was prettier-clean", async () => {
    const before = 'export function f(p) {\n  return p.catch(() => [])\n}\n';
    const after = "export function f(p) {\n  return p.catch((error) => { reportError(error, { operation: 'f' }); return []; })\n}\n";
    expect(await formatLikeProject(file, before, after)).toBe(
      'export function f(p) {\n  return p.catch((error) => {\n    reportError(error, {operation: "f"})\n    return []\n  })\n}\n',
    );
  });

  it('leaves a file prettier would already have changed as the transforms wrote it', async () => {
    const before = 'export function f(p) { return p.catch(() => []); }\n';
    const after = "export function f(p) { return p.catch((error) => { reportError(error, { operation: 'f' }); return []; }); }\n";
    expect(await formatLikeProject(file, before, after)).toBe(after);
  });

  it('leaves files prettier ignores alone', async () => {
    writeFileSync(path.join(root, '.prettierignore'), 'vendor/\n');
    const vendored = path.join(root, 'vendor', 'b.js');
    const before = 'export const a = 1\n';
    const after = "export const a = {b: 1, c: 'x'};\n";
    expect(await formatLikeProject(vendored, before, after)).toBe(after);
  });
});

describe('formatLikeProject without a prettier configuration', () => {
  it('leaves the text as the transforms wrote it', async () => {
    const bare = mkdtempSync(path.join(os.tmpdir(), 'faultline-format-bare-'));
    try {
      writeFileSync(path.join(bare, 'package.json'), '{}');
      const before = 'export const a = 1;\n';
      const after = "import { b } from './b.js';\nexport const a = 1;\n";
      expect(await formatLikeProject(path.join(bare, 'a.js'), before, after)).toBe(after);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
