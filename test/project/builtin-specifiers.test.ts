import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsBareBuiltins, withBareBuiltins } from '../../cli/project/builtin-specifiers.js';

function projectWithJest(installed: string | undefined): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'faultline-builtins-'));
  if (installed) {
    mkdirSync(path.join(root, 'node_modules/jest'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules/jest/package.json'), JSON.stringify({ name: 'jest', version: installed }));
  }
  return root;
}

describe('needsBareBuiltins', () => {
  it('is true for jest before 27, installed or, before installing, declared', () => {
    expect(needsBareBuiltins(projectWithJest('26.6.3'), { devDependencies: { jest: '^29.0.0' } }, 'jest')).toBe(true);
    expect(needsBareBuiltins(projectWithJest(undefined), { devDependencies: { jest: '^26.6.3' } }, 'jest')).toBe(true);
  });

  it('is false for jest 27 and later, and for every other runner', () => {
    expect(needsBareBuiltins(projectWithJest('27.0.0'), {}, 'jest')).toBe(false);
    expect(needsBareBuiltins(projectWithJest(undefined), { devDependencies: { jest: '~29.7.0' } }, 'jest')).toBe(false);
    expect(needsBareBuiltins(projectWithJest('26.6.3'), { devDependencies: { jest: '26' } }, 'mocha')).toBe(false);
    expect(needsBareBuiltins(projectWithJest(undefined), {}, 'jest')).toBe(false);
  });
});

describe('withBareBuiltins', () => {
  it('drops the node: scheme from imports and requires, and nowhere else', () => {
    const text = [
      "import { strict as assert } from 'node:assert';",
      'const { AsyncLocalStorage } = require("node:async_hooks");',
      "const fs = await import('node:fs/promises');",
      "// The assertions through 'node:assert'.",
      "const label = 'node:test';",
    ].join('\n');
    expect(withBareBuiltins(text).split('\n')).toEqual([
      "import { strict as assert } from 'assert';",
      'const { AsyncLocalStorage } = require("async_hooks");',
      "const fs = await import('fs/promises');",
      "// The assertions through 'node:assert'.",
      "const label = 'node:test';",
    ]);
  });
});
