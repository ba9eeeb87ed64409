import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../cli/errors.js';
import emptyCatch from '../../../transforms/javascript/empty-catch.js';
import { ParseFailure } from '../../../transforms/javascript/lib/parse.js';
import uselessCatch from '../../../transforms/javascript/useless-catch.js';

const root = mkdtempSync(join(tmpdir(), 'faultline-standalone-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function catalog(dir: string, target: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'faultline.catalog.json'), JSON.stringify({ version: 1, target, errors: [] }));
}

describe('transforms as plain jscodeshift transforms', () => {
  const project = join(root, 'project');
  catalog(project, { language: 'javascript', kitDir: 'lib/errors', importSuffix: '', importAlias: '#errors' });

  it('uses the catalog found above the file, alias included', async () => {
    const output = await emptyCatch({ path: join(project, 'lib', 'a.js'), source: "require('x');\ntry { run(); } catch (e) {}\n" });
    expect(output).toBe("require('x');\nconst { reportError } = require('#errors');\ntry { run(); } catch (e) { reportError(e, { operation: 'a' }); }\n");
  });

  it('lets command-line options override the catalog', async () => {
    const output = await emptyCatch(
      { path: join(project, 'lib', 'a.ts'), source: 'try { run(); } catch (e) {}\n' },
      {},
      { kitDir: join(project, 'kit'), importSuffix: '.js', importAlias: '' },
    );
    expect(output).toContain("import { reportError } from '../kit/index.js';");
  });

  it('never rewrites the kit itself', async () => {
    expect(await emptyCatch({ path: join(project, 'lib', 'errors', 'handler.js'), source: 'try { run(); } catch (e) {}\n' })).toBeUndefined();
  });

  it('returns undefined when there is nothing to fix', async () => {
    expect(await emptyCatch({ path: join(project, 'a.js'), source: 'run();\n' })).toBeUndefined();
    expect(await emptyCatch({ path: join(project, 'a.js'), source: 'try { run(); } catch (e) { /* fine */ }\n' })).toBeUndefined();
  });

  it('reports unparsable files with their position', async () => {
    let failure: unknown;
    try {
      await uselessCatch({ path: join(project, 'a.js'), source: 'try {\n  run(;\n} catch (e) { throw e; }\n' });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ParseFailure);
    expect((failure as ParseFailure).line).toBe(2);
  });

  it('explains a catalog it cannot use in one line', async () => {
    const python = join(root, 'python');
    catalog(python, { language: 'python', kitDir: 'errors' });
    await expect(emptyCatch({ path: join(python, 'a.js'), source: 'try { run(); } catch (e) {}\n' })).rejects.toThrow(UsageError);
    const broken = join(root, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'faultline.catalog.json'), '{ "target": ');
    await expect(emptyCatch({ path: join(broken, 'a.js'), source: 'try { run(); } catch (e) {}\n' })).rejects.toThrow(/cannot be read as JSON/);
  });
});
