import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseExpression } from '@babel/parser';
import type { Node } from '@babel/types';
import { describe, expect, it } from 'vitest';
import { defaultErrors, defaultMappings } from '../../../cli/catalog/defaults.js';
import { transformSource } from '../../../cli/migrate/transform-file.js';
import * as domainErrors from '../../../transforms/javascript/domain-errors.js';
import { fixedTextOf, mappedClassFor } from '../../../transforms/javascript/lib/message-mapping.js';
import { allTransforms } from '../../../transforms/javascript/registry.js';
import { FIXTURES_ROOT, REPO_ROOT } from '../../support/fixtures.js';
import { PROJECT, ruleTester } from './rule-tester.js';
import { kitAt, runTransform } from './run-transform.js';

/** Mappings a catalog's owner wrote and enabled, letting clients see the messages (`expose`). */
const ownerMappings = [
  { pattern: 'not found|does not exist|no such', flags: 'i', error: 'NotFoundError', expose: true },
  { pattern: 'already exists|duplicate|conflict', flags: 'i', error: 'ConflictError', expose: true },
  { pattern: 'forbidden|not allowed|permission', flags: 'i', error: 'ForbiddenError', expose: true },
  { pattern: 'timed? ?out', flags: 'i', error: 'OperationTimeoutError', expose: true },
  { pattern: 'invalid|must be|is required|missing', flags: 'i', error: 'ValidationError', expose: true },
];
/** The kit `init` writes, every default error, with the owner's mappings. */
const kit = kitAt(PROJECT, { errorClasses: defaultErrors().map((error) => error.name), mappings: ownerMappings });
const js = `${PROJECT}/src/example.mjs`;
const ts = `${PROJECT}/src/example.ts`;

ruleTester(
  domainErrors,
  {
    valid: [
      { code: "throw new NotFoundError('User not found');", filename: js },
      { code: "throw new TypeError('User not found');", filename: js },
      { code: "const error = new Error('User not found');", filename: js },
      { code: "next(new Error('User not found'));", filename: js },
      { code: "function load(resolve, reject) { reject(new Error('User not found')); }", filename: js },
      { code: "new Promise((reject) => reject(new Error('User not found')));", filename: js },
      { code: "class Error {}\nthrow new Error('User not found');", filename: js },
      { code: "// faultline-ignore domain-errors: clients match on the message\nthrow new Error('User not found');", filename: js },
    ],
    invalid: [
      {
        name: 'the first matching rule picks the class, and the message stays as it was',
        code: [
          "if (a) throw new Error('User not found');",
          "if (b) throw new Error(`Email ${email} already exists`);",
          "if (c) throw new Error('Name is required: ' + field);",
          "throw new Error('Invalid token: not found in store');",
          '',
        ].join('\n'),
        filename: js,
        findings: [
          { messageId: 'genericError', line: 1, column: 14 },
          { messageId: 'genericError', line: 2, column: 14 },
          { messageId: 'genericError', line: 3, column: 14 },
          { messageId: 'genericError', line: 4, column: 7 },
        ],
        output: [
          "import { NotFoundError, ConflictError, ValidationError } from './errors/index.js';",
          '',
          "if (a) throw new NotFoundError('User not found');",
          "if (b) throw new ConflictError(`Email ${email} already exists`);",
          "if (c) throw new ValidationError('Name is required: ' + field);",
          "throw new NotFoundError('Invalid token: not found in store');",
          '',
        ].join('\n'),
      },
      {
        name: 'a cause and other options are kept, and a call without new gets one',
        code: "try { load(); } catch (e) { throw new Error('No such file', { cause: e }); }\nthrow Error('Duplicate key');\n",
        filename: js,
        findings: [
          { messageId: 'genericError', line: 1, column: 35 },
          { messageId: 'genericError', line: 2, column: 7 },
        ],
        output:
          "import { NotFoundError, ConflictError } from './errors/index.js';\n\n" +
          "try { load(); } catch (e) { throw new NotFoundError('No such file', { cause: e }); }\nthrow new ConflictError('Duplicate key');\n",
      },
      {
        name: 'errors rejected from a promise executor or through Promise.reject, and returned ones',
        code: [
          'const read = () => new Promise((resolve, reject) => {',
          "  fs.readFile(p, (err, data) => (err ? reject(new Error('File does not exist')) : resolve(data)));",
          '});',
          "const cached = () => Promise.reject(new Error('Cache miss: not found'));",
          "function missing() { return new Error('Permission denied: not allowed'); }",
          "const timeout = () => new Error('Request timed out');",
          '',
        ].join('\n'),
        filename: js,
        findings: [
          { messageId: 'genericError', line: 2, column: 47 },
          { messageId: 'genericError', line: 4, column: 37 },
          { messageId: 'genericError', line: 5, column: 29 },
          { messageId: 'genericError', line: 6, column: 23 },
        ],
        output: [
          "import { NotFoundError, ForbiddenError, OperationTimeoutError } from './errors/index.js';",
          '',
          'const read = () => new Promise((resolve, reject) => {',
          "  fs.readFile(p, (err, data) => (err ? reject(new NotFoundError('File does not exist')) : resolve(data)));",
          '});',
          "const cached = () => Promise.reject(new NotFoundError('Cache miss: not found'));",
          "function missing() { return new ForbiddenError('Permission denied: not allowed'); }",
          "const timeout = () => new OperationTimeoutError('Request timed out');",
          '',
        ].join('\n'),
      },
      {
        name: "the kit's AppError is refined, by name or through a namespace",
        code: [
          "import { AppError } from './errors/index.js';",
          "import * as errors from './errors/index.js';",
          "if (a) throw new AppError('Order not found');",
          "throw new errors.AppError('Order already exists');",
          '',
        ].join('\n'),
        filename: js,
        findings: [
          { messageId: 'genericError', line: 3, column: 14 },
          { messageId: 'genericError', line: 4, column: 7 },
        ],
        // A file that has the kit as a namespace reaches new classes through it.
        output: [
          "import { AppError } from './errors/index.js';",
          "import * as errors from './errors/index.js';",
          "if (a) throw new errors.NotFoundError('Order not found');",
          'throw new errors.ConflictError(\'Order already exists\');',
          '',
        ].join('\n'),
      },
      {
        name: 'sites left alone say why',
        code: [
          'if (a) throw new Error(message);',
          'if (b) throw new Error(`${reason}`);',
          'if (c) throw new Error();',
          'if (d) throw new Error(...parts);',
          "throw new Error('Division by zero');",
          '',
        ].join('\n'),
        filename: js,
        findings: [
          { messageId: 'unmappedError', line: 1, column: 14, fixable: false, reason: 'the message `message` is not a string literal or template' },
          { messageId: 'unmappedError', line: 2, column: 14, fixable: false, reason: 'computed entirely at run time' },
          { messageId: 'unmappedError', line: 3, column: 14, fixable: false, reason: 'has no message' },
          { messageId: 'unmappedError', line: 4, column: 14, fixable: false, reason: 'spread' },
          { messageId: 'unmappedError', line: 5, column: 7, fixable: false, reason: 'no enabled mapping in the catalog matches' },
        ],
      },
    ],
  },
  kit,
);

describe('domain-errors', () => {
  it('applies none of the mappings init proposes: each waits for the owner to enable it', () => {
    const proposed = kitAt(PROJECT, { errorClasses: defaultErrors().map((error) => error.name), mappings: defaultMappings() });
    expect(defaultMappings().every((mapping) => mapping.disabled === true)).toBe(true);
    const code = "throw new Error('User was not found');\nthrow new Error('Email already exists');\n";
    const run = runTransform(domainErrors, code, js, proposed);
    expect(run.output).toBe(code);
    expect(run.findings.every((finding) => !finding.fixable)).toBe(true);
  });

  it('proposes no mapping that a single common word matches', () => {
    for (const word of ['missing', 'invalid', 'permission', 'duplicate', 'conflict', 'forbidden', 'unauthorized', 'timeout', 'required', 'exists']) {
      for (const mapping of defaultMappings()) expect(new RegExp(mapping.pattern, mapping.flags).test(word), `${mapping.pattern} on ${word}`).toBe(false);
    }
  });

  it('keeps the message from clients unless the mapping says expose', () => {
    const hidden = kitAt(PROJECT, { errorClasses: ['ForbiddenError'], mappings: [{ pattern: 'permission denied', error: 'ForbiddenError' }] });
    const code = "throw new Error('permission denied for table payments (role app_rw on db-primary.internal)');\n";
    expect(runTransform(domainErrors, code, js, hidden).output).toBe(
      "import { ForbiddenError } from './errors/index.js';\n\nthrow new ForbiddenError('permission denied for table payments (role app_rw on db-primary.internal)', { expose: false });\n",
    );
  });

  it('leaves a site alone when its rule names a class the catalog lacks', () => {
    const broken = kitAt(PROJECT, { errorClasses: ['NotFoundError'], mappings: [{ pattern: 'gone', error: 'GoneError' }] });
    const run = transformSource({ source: "throw new Error('Page gone');\n", filePath: js, transforms: [domainErrors], kit: broken });
    expect(run.kind).toBe('unchanged');
    const sites = run.kind === 'unchanged' ? run.sites : [];
    expect(sites.map((site) => [site.finding.messageId, site.finding.severity, site.reason])).toEqual([
      ['genericError', 'warning', expect.stringContaining('GoneError, which is not one of its errors')],
    ]);
  });

  it('reports generic errors no rule maps only for information', () => {
    const run = transformSource({ source: "throw new Error('Division by zero');\n", filePath: js, transforms: [domainErrors], kit });
    expect(run.kind === 'unchanged' && run.sites.map((site) => site.finding.severity)).toEqual(['info']);
  });

  it('composes with error-cause: the engine gives the catalog class and the cause', () => {
    const source = "export function load() {\n  try {\n    return read();\n  } catch (e) {\n    throw new Error('User not found');\n  }\n}\n";
    const run = transformSource({ source, filePath: js, transforms: allTransforms, kit });
    expect(run.kind === 'changed' && run.text).toBe(
      "import { NotFoundError } from './errors/index.js';\n\nexport function load() {\n  try {\n    return read();\n  } catch (e) {\n    throw new NotFoundError('User not found', { cause: e });\n  }\n}\n",
    );
    expect(run.kind === 'changed' && run.transforms).toEqual(['error-cause', 'domain-errors']);
  });

  it('composes with error-cause where the TypeScript lib predates ES2022: the AppError import error-cause needed on the way is taken back', () => {
    // No tsconfig above the file: TypeScript's defaults, whose Error takes no options.
    const source = "export function load(): string {\n  try {\n    return read();\n  } catch {\n    throw new Error('User not found');\n  }\n}\ndeclare function read(): string;\n";
    const run = transformSource({ source, filePath: ts, transforms: allTransforms, kit });
    expect(run.kind === 'changed' && run.text).toBe(
      "import { NotFoundError } from './errors/index.js';\n\nexport function load(): string {\n  try {\n    return read();\n  } catch (error) {\n    throw new NotFoundError('User not found', { cause: error });\n  }\n}\ndeclare function read(): string;\n",
    );
  });

  it('says it can change behaviour, and has its docs page', () => {
    expect(domainErrors.meta.changesBehaviour).toBe(true);
    expect(existsSync(join(REPO_ROOT, domainErrors.meta.docs))).toBe(true);
  });
});

describe('message mappings', () => {
  const expression = (code: string): Node => parseExpression(code) as Node;

  it('judges a template by its literal parts only', () => {
    expect(fixedTextOf(expression('`User ${id} not found`'), '')).toEqual({ ok: true, text: 'User \u0000 not found' });
    const byValue = kitAt(PROJECT, { errorClasses: ['NotFoundError'], mappings: [{ pattern: '^User \\w+ not found$', error: 'NotFoundError' }] });
    expect(mappedClassFor('User \u0000 not found', byValue)).toEqual({ kind: 'none' });
  });

  it('takes the first matching rule, ignores flags that make a pattern stateful, and skips patterns that do not compile', () => {
    const mappings = [
      { pattern: '(unclosed', error: 'ValidationError' },
      { pattern: 'missing', flags: 'gi', error: 'NotFoundError' },
      { pattern: 'missing', error: 'ValidationError' },
    ];
    const custom = kitAt(PROJECT, { errorClasses: ['NotFoundError', 'ValidationError'], mappings });
    for (let i = 0; i < 3; i++) expect(mappedClassFor('Field MISSING', custom)).toEqual({ kind: 'class', name: 'NotFoundError', pattern: 'missing', expose: false });
  });
});
