import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { allTransforms } from '../../../transforms/javascript/registry.js';
import { FIXTURES_ROOT, REPO_ROOT, fixtureCases } from '../../support/fixtures.js';

const run = promisify(execFile);
const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const scratch = mkdtempSync(join(tmpdir(), 'faultline-fixture-tsc-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const LEGACY = `${join('error-cause', 'legacy-lib')}`;
const typescriptCases = allTransforms
  .flatMap((transform) => fixtureCases(transform.meta.id))
  .filter((fixture) => fixture.extension === 'ts' || fixture.extension === 'tsx');

/** Type-checks files under a fixture tsconfig (strict), returning tsc's complaints. */
async function typeCheck(tsconfig: string, files: string[], name: string): Promise<string> {
  const project = join(scratch, `${name}.tsconfig.json`);
  // Type libraries are looked up next to the project file, which lives outside the repository here.
  const typeRoots = [join(REPO_ROOT, 'node_modules', '@types')];
  const config = { extends: tsconfig, compilerOptions: { typeRoots }, files: [...files, join(FIXTURES_ROOT, 'src', 'jsx.d.ts')] };
  writeFileSync(project, JSON.stringify(config));
  try {
    await run(process.execPath, [tsc, '-p', project, '--noEmit'], { maxBuffer: 10_000_000 });
    return '';
  } catch (error) {
    return (error as { stdout?: string }).stdout ?? String(error);
  }
}

describe('TypeScript fixtures type-check under strict', () => {
  it('compiles every input and expected output under an ES2022 lib', async () => {
    const files = typescriptCases
      .filter((fixture) => !fixture.name.startsWith('legacy-lib'))
      .flatMap((fixture) => [fixture.inputPath, fixture.expectedPath]);
    expect(files.length).toBeGreaterThan(20);
    expect(await typeCheck(join(FIXTURES_ROOT, 'tsconfig.json'), [...new Set(files)], 'es2022')).toBe('');
  });

  it('compiles the error-cause outputs of a project whose lib predates ES2022', async () => {
    const legacy = typescriptCases.filter((fixture) => fixture.name.startsWith('legacy-lib'));
    expect(legacy.some((fixture) => fixture.changes)).toBe(true);
    const outputs = legacy.map((fixture) => fixture.expectedPath);
    expect(await typeCheck(join(FIXTURES_ROOT, LEGACY, 'tsconfig.json'), outputs, 'es2019')).toBe('');
  });

  it('proves the legacy project rejects a native cause, so the AppError rewrite is needed', async () => {
    const probe = join(scratch, 'native-cause-probe.ts');
    writeFileSync(probe, "export const error = new Error('x', { cause: 1 });\n");
    expect(await typeCheck(join(FIXTURES_ROOT, LEGACY, 'tsconfig.json'), [probe], 'probe')).toMatch(/TS2554/);
  });
});
