import { applyEdits } from '../../../transforms/shared/apply-edits.js';
import { createKitImports } from '../../../transforms/javascript/lib/kit-imports.js';
import { detectModuleStyle } from '../../../transforms/javascript/lib/module-style.js';
import { parseSource } from '../../../transforms/javascript/lib/parse.js';
import type { Finding, KitLocation, TransformModule } from '../../../transforms/types.js';

export interface TransformRun {
  output: string;
  findings: Finding[];
}

/** One transform over one file, the way the engine runs it: detect, fix, add kit imports, apply. */
export function runTransform(transform: TransformModule, source: string, filePath: string, kit: KitLocation): TransformRun {
  if (!transform.mightMatch(source)) return { output: source, findings: [] };
  const ast = parseSource(source, filePath);
  const base = { filePath, source, ast, kit, moduleStyle: detectModuleStyle(ast, filePath) };
  const findings = transform.detect(base);
  const imports = createKitImports(base);
  const { edits } = transform.fix({ ...base, useKitExport: imports.useKitExport }, findings);
  if (edits.length === 0) return { output: source, findings };
  return { output: applyEdits(source, [...edits, ...imports.edits()]), findings };
}

/** A kit at `<root>/src/errors`, imported with `.js` suffixes, with one catalog error class and the mapping `init` writes for it. */
export function kitAt(root: string, overrides: Partial<KitLocation> = {}): KitLocation {
  return {
    kitDir: `${root}/src/errors`,
    importSuffix: '.js',
    language: 'typescript',
    errorClasses: ['NotFoundError'],
    mappings: [{ pattern: 'not found|does not exist|no such', flags: 'i', error: 'NotFoundError' }],
    ...overrides,
  };
}
