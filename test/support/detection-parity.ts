import { expect } from 'vitest';
import { parseForDetection } from '../../transforms/javascript/lib/detection-parse.js';
import { detectModuleStyle } from '../../transforms/javascript/lib/module-style.js';
import { parseSource } from '../../transforms/javascript/lib/parse.js';
import type { KitLocation, TransformModule } from '../../transforms/types.js';

/**
 * When `code` is also plain JavaScript, `module` finds the same on the detection tree (meriyah's,
 * converted) as on @babel/parser's, positions included: rule tables then double as parity tests.
 */
export function expectSameFindingsOnDetectionTree(module: Pick<TransformModule, 'detect' | 'meta'>, code: string, kit: KitLocation): void {
  const file = `${kit.kitDir.replace(/\/src\/errors$/, '')}/src/parity.js`;
  let babel;
  try {
    babel = parseSource(code, file, { lean: true });
  } catch {
    return; // TypeScript-only syntax: detection reads it from @babel/parser's tree anyway.
  }
  const detect = (ast: typeof babel) => module.detect({ filePath: file, source: code, ast, kit, moduleStyle: detectModuleStyle(ast, file) });
  expect(detect(parseForDetection(code, file)), `${module.meta.id} on the detection tree`).toEqual(detect(babel));
}
