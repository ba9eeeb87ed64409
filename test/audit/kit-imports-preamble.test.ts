import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../transforms/shared/apply-edits.js';
import { createKitImports } from '../../transforms/javascript/lib/kit-imports.js';
import { detectModuleStyle } from '../../transforms/javascript/lib/module-style.js';
import { parseSource } from '../../transforms/javascript/lib/parse.js';
import type { KitLocation } from '../../transforms/types.js';

const kit: KitLocation = { kitDir: '/p/src/errors', importSuffix: '.js', language: 'typescript', errorClasses: [], mappings: [] };
const filePath = '/p/src/generated.ts';

function withReportErrorImport(source: string): string {
  const ast = parseSource(source, filePath);
  const imports = createKitImports({ ast, source, filePath, kit, moduleStyle: detectModuleStyle(ast, filePath) });
  imports.useKitExport('reportError');
  return applyEdits(source, imports.edits());
}

// Files with tens of thousands of leading comment lines exist (generated tables, vendored headers):
// placing the import must look at each comment once.
describe('first kit import after a huge comment preamble', () => {
  const header = Array.from({ length: 20_000 }, (_, index) => `// generated line ${index}`).join('\n');
  const documentation = '// Runs the job.\n// Called once at start-up.';

  it('goes after the last comment that stands apart, keeping the statement comment attached', () => {
    const source = `${header}\n\n${documentation}\nrun();\n`;
    const expected = `${header}\nimport { reportError } from './errors/index.js';\n\n${documentation}\nrun();\n`;
    expect(withReportErrorImport(source)).toBe(expected);
  });

  it('goes after a pragma deep in the preamble', () => {
    const source = `${header}\n// @ts-check\n${documentation}\nrun();\n`;
    const expected = `${header}\n// @ts-check\nimport { reportError } from './errors/index.js';\n\n${documentation}\nrun();\n`;
    expect(withReportErrorImport(source)).toBe(expected);
  });

  it('goes first when every comment documents the first statement', () => {
    const source = `${header}\nrun();\n`;
    expect(withReportErrorImport(source)).toBe(`import { reportError } from './errors/index.js';\n\n${source}`);
  });
});
