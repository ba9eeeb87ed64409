import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../transforms/shared/apply-edits.js';
import { parseSource } from '../../../transforms/javascript/lib/parse.js';
import { unusedKitImportEdits } from '../../../transforms/javascript/lib/unused-kit-imports.js';
import { PROJECT } from './rule-tester.js';
import { kitAt } from './run-transform.js';

const file = `${PROJECT}/src/example.ts`;
const kit = kitAt(PROJECT);

function cleaned(source: string, added: string[]): string {
  const ast = parseSource(source, file);
  return applyEdits(source, unusedKitImportEdits({ ast, source, filePath: file, kit }, new Set(added)));
}

describe('taking back kit imports a run added and nothing uses', () => {
  it.each([
    [
      'the trailing one of two',
      "import { NotFoundError, AppError } from './errors/index.js';\nthrow new NotFoundError('x');\n",
      ['AppError'],
      "import { NotFoundError } from './errors/index.js';\nthrow new NotFoundError('x');\n",
    ],
    [
      'a leading one, with the comma after it',
      "import { AppError, NotFoundError } from './errors/index.js';\nthrow new NotFoundError('x');\n",
      ['AppError', 'NotFoundError'],
      "import { NotFoundError } from './errors/index.js';\nthrow new NotFoundError('x');\n",
    ],
    [
      'two in the middle of a list',
      "import { reportError, AppError, NotFoundError, logger } from './errors/index.js';\nreportError(logger);\n",
      ['AppError', 'NotFoundError'],
      "import { reportError, logger } from './errors/index.js';\nreportError(logger);\n",
    ],
    [
      'the whole statement when nothing is left',
      "import { readFileSync } from 'node:fs';\nimport { AppError } from './errors/index.js';\n\nreadFileSync('x');\n",
      ['AppError'],
      "import { readFileSync } from 'node:fs';\n\nreadFileSync('x');\n",
    ],
    [
      'the braces after a default import',
      "import kit, { AppError } from './errors/index.js';\nkit();\n",
      ['AppError'],
      "import kit from './errors/index.js';\nkit();\n",
    ],
    [
      'a destructuring require',
      "const { reportError, AppError } = require('./errors/index.js');\nreportError(1);\n",
      ['AppError'],
      "const { reportError } = require('./errors/index.js');\nreportError(1);\n",
    ],
  ])('removes %s', (_name, source, added, expected) => {
    expect(cleaned(source, added)).toBe(expected);
    expect(() => parseSource(expected, file)).not.toThrow();
  });

  it.each([
    ['an import the file had before the run', "import { AppError } from './errors/index.js';\nfoo();\n", []],
    ['a name still used', "import { AppError } from './errors/index.js';\nthrow new AppError('x');\n", ['AppError']],
    ['a name used only as a type', "import { AppError } from './errors/index.js';\nlet e: AppError | undefined;\n", ['AppError']],
    ['an import from another module', "import { AppError } from './other.js';\nfoo();\n", ['AppError']],
    ['a namespace import', "import * as errors from './errors/index.js';\nfoo();\n", ['errors']],
  ])('keeps %s', (_name, source, added) => {
    expect(cleaned(source, added)).toBe(source);
  });
});
