import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../cli/catalog/load.js';
import { kitLocationOf } from '../../cli/migrate/project.js';
import { detectModuleStyle } from '../../transforms/javascript/lib/module-style.js';
import { parseSource } from '../../transforms/javascript/lib/parse.js';
import { allTransforms } from '../../transforms/javascript/registry.js';
import { auditRules } from '../../transforms/javascript/rules/registry.js';
import { repoRoot } from '../support/cli.js';
import { SMELLS } from './projects.js';

const fixtureRoot = path.join(repoRoot, '__testfixtures__', 'javascript');
const kit = kitLocationOf(loadCatalog(fixtureRoot).catalog, fixtureRoot);

/** Every fixture input, and a file with a finding of most audit rules. */
function corpus(): Array<[string, string]> {
  const inputs: Array<[string, string]> = [[path.join(fixtureRoot, 'src/smells.ts'), SMELLS]];
  for (const folder of readdirSync(fixtureRoot, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const name of readdirSync(path.join(fixtureRoot, folder.name))) {
      if (!name.includes('.input.')) continue;
      const file = path.join(fixtureRoot, folder.name, name);
      inputs.push([file, readFileSync(file, 'utf8')]);
    }
  }
  return inputs;
}

// Audit parses without attaching comments or ranges; migrate detects on a full tree. They must agree.
describe('detection on a lean tree', () => {
  it.each(corpus().map(([file, source]) => [path.relative(fixtureRoot, file), file, source] as const))('%s: same findings as on a full tree', (_name, file, source) => {
    const lean = parseSource(source, file, { lean: true });
    const full = parseSource(source, file);
    expect(lean.comments).toEqual(full.comments?.map(({ range: _range, ...comment }) => comment as typeof comment));
    for (const module of [...allTransforms, ...auditRules]) {
      const detect = (ast: typeof full) => module.detect({ filePath: file, source, ast, kit, moduleStyle: detectModuleStyle(ast, file) });
      expect(detect(lean), module.meta.id).toEqual(detect(full));
    }
  });

  it('has no ranges and no attached comments', () => {
    const ast = parseSource('// note\nthrow x;', 'a.js', { lean: true });
    const statement = ast.program.body[0] as unknown as Record<string, unknown>;
    expect([statement.start, statement.end, statement.range, statement.leadingComments]).toEqual([8, 16, undefined, undefined]);
    expect(ast.comments?.map((comment) => comment.value)).toEqual([' note']);
  });
});
