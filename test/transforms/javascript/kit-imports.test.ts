import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../transforms/shared/apply-edits.js';
import { createKitImports } from '../../../transforms/javascript/lib/kit-imports.js';
import { isKitSpecifier, kitSpecifierFor, kitSpecifierInFile } from '../../../transforms/javascript/lib/kit-specifier.js';
import { detectModuleStyle } from '../../../transforms/javascript/lib/module-style.js';
import { parseSource } from '../../../transforms/javascript/lib/parse.js';
import type { ImportOrderOptions, KitLocation } from '../../../transforms/types.js';
import { kitAt } from './run-transform.js';

const kit = kitAt('/p');
const file = '/p/src/users/load.ts';

/** Requests `names` in a file and returns the file with the imports added, and the local names. */
function importInto(source: string, names: string[], options: { filePath?: string; kit?: KitLocation } = {}): { text: string; locals: string[] } {
  const filePath = options.filePath ?? file;
  const ast = parseSource(source, filePath);
  const imports = createKitImports({ ast, source, filePath, kit: options.kit ?? kit, moduleStyle: detectModuleStyle(ast, filePath) });
  const locals = names.map((name) => imports.useKitExport(name));
  return { text: applyEdits(source, imports.edits()), locals };
}

describe('kitSpecifierFor', () => {
  it('is a relative posix path to the kit index with the suffix', () => {
    expect(kitSpecifierFor('/p/src/users/load.ts', kit)).toBe('../errors/index.js');
    expect(kitSpecifierFor('/p/src/load.ts', kit)).toBe('./errors/index.js');
    expect(kitSpecifierFor('/p/src/errors/x.ts', kit)).toBe('./index.js');
    expect(kitSpecifierFor('/p/scripts/run.ts', kit)).toBe('../src/errors/index.js');
  });

  it('is the directory when the project imports without suffixes', () => {
    const bare = kitAt('/p', { importSuffix: '' });
    expect(kitSpecifierFor('/p/src/users/load.ts', bare)).toBe('../errors');
    expect(kitSpecifierFor('/p/src/errors/x.ts', bare)).toBe('./index');
  });

  it('is the alias when one is configured', () => {
    expect(kitSpecifierFor('/p/src/users/load.ts', kitAt('/p', { importAlias: '@/errors' }))).toBe('@/errors');
  });

  it('recognises every spelling of the kit', () => {
    for (const specifier of ['../errors', '../errors/index', '../errors/index.js', '../errors/index.ts', '../errors/']) {
      expect(isKitSpecifier(specifier, file, kit), specifier).toBe(true);
    }
    expect(isKitSpecifier('../errors-old', file, kit)).toBe(false);
    // `.` and `..` name a folder by where the file is, so the kit's own files can reach it that way.
    expect(isKitSpecifier('..', '/p/src/errors/adapters/express.ts', kit)).toBe(true);
    expect(isKitSpecifier('.', '/p/src/errors/x.ts', kit)).toBe(true);
    expect(isKitSpecifier('./index.js', '/p/src/errors/x.ts', kit)).toBe(true);
    expect(isKitSpecifier('..', '/p/src/users/x.ts', kit)).toBe(false);
    expect(isKitSpecifier('errors', file, kit)).toBe(false);
    expect(isKitSpecifier('@/errors/index.js', file, kitAt('/p', { importAlias: '@/errors' }))).toBe(true);
  });
});

describe('createKitImports', () => {
  it('adds one ESM import after the last import, once per name, as a group of its own after packages', () => {
    const result = importInto("import a from 'a';\nimport b from 'b';\n\nrun();\n", ['reportError', 'logger', 'reportError']);
    expect(result.locals).toEqual(['reportError', 'logger', 'reportError']);
    expect(result.text).toBe("import a from 'a';\nimport b from 'b';\n\nimport { reportError, logger } from '../errors/index.js';\n\nrun();\n");
  });

  it('merges into an existing import of the kit and reuses what it already imports', () => {
    const result = importInto("import { logger as log } from '../errors';\n\nrun();\n", ['logger', 'reportError']);
    expect(result.locals).toEqual(['log', 'reportError']);
    expect(result.text).toBe("import { logger as log, reportError } from '../errors';\n\nrun();\n");
  });

  it('does not merge into a type-only import', () => {
    const result = importInto("import type { AppError } from '../errors/index.js';\nrun();\n", ['AppError']);
    expect(result.locals).toEqual(['KitAppError']);
    expect(result.text).toContain("import { AppError as KitAppError } from '../errors/index.js';");
  });

  it('aliases names the file already uses for something else', () => {
    const source = "import { reportError } from './telemetry.js';\nfunction f(logger) { return logger; }\nconst reportAppError = 1;\n";
    const result = importInto(source, ['reportError', 'logger', 'AppError']);
    expect(result.locals).toEqual(['reportAppError2', 'appLogger', 'AppError']);
    expect(result.text).toContain("import { reportError as reportAppError2, logger as appLogger, AppError } from '../errors/index.js';");
  });

  it('uses a namespace import of the kit as it is', () => {
    const result = importInto("import * as kit from '../errors/index.js';\n", ['logger']);
    expect(result.locals).toEqual(['kit.logger']);
    expect(result.text).toBe("import * as kit from '../errors/index.js';\n");
  });

  it('requires the kit in CommonJS files, after the last require, in the file style', () => {
    const source = "'use strict'\nconst fs = require(\"fs\")\nconst path = require(\"path\")\n\nrun()\n";
    const result = importInto(source, ['reportError'], { filePath: '/p/src/users/load.js' });
    expect(result.text).toBe("'use strict'\nconst fs = require(\"fs\")\nconst path = require(\"path\")\n\nconst { reportError } = require(\"../errors/index.js\")\n\nrun()\n");
  });

  it('simply follows a single import, which shows neither an order nor a grouping', () => {
    expect(importInto("const fs = require('fs');\n\nrun();\n", ['reportError'], { filePath: '/p/src/users/load.js' }).text).toBe(
      "const fs = require('fs');\nconst { reportError } = require('../errors/index.js');\n\nrun();\n",
    );
    // '../errors' sorts before './z', but one import is no sorted block.
    expect(importInto("import { z } from './z.js';\n\nrun();\n", ['logger']).text).toBe("import { z } from './z.js';\nimport { logger } from '../errors/index.js';\n\nrun();\n");
  });

  it("opens a group a blank line apart after a single import when the project's sorting rule keeps groups apart", () => {
    const apart: KitLocation = { ...kit, importGroupsApart: true };
    expect(importInto("import express from 'express';\n\nrun();\n", ['logger'], { kit: apart }).text).toBe(
      "import express from 'express';\n\nimport { logger } from '../errors/index.js';\n\nrun();\n",
    );
  });

  it('puts a parent folder before siblings when the file orders its relative imports that way', () => {
    const source = "import a from 'a';\n\nimport { db } from '../db.js';\nimport { z } from './z.js';\nimport { b } from './b.js';\n";
    expect(importInto(source, ['logger']).text).toBe(
      "import a from 'a';\n\nimport { db } from '../db.js';\nimport { logger } from '../errors/index.js';\nimport { z } from './z.js';\nimport { b } from './b.js';\n",
    );
    // Siblings alone show no such order: after the last relative import, as before.
    const siblings = "import { z } from './z.js';\nimport { b } from './b.js';\n";
    expect(importInto(siblings, ['logger']).text).toBe(`${siblings}import { logger } from '../errors/index.js';\n`);
  });

  it('extends an existing destructuring require of the kit', () => {
    const source = "const { logger } = require('../errors');\nrun();\n";
    const result = importInto(source, ['logger', 'reportError'], { filePath: '/p/src/users/load.js' });
    expect(result.locals).toEqual(['logger', 'reportError']);
    expect(result.text).toBe("const { logger, reportError } = require('../errors');\nrun();\n");
  });

  it('goes after a shebang, directives and a header comment, keeping CRLF', () => {
    const source = "#!/usr/bin/env node\r\n// Copyright header\r\n\r\n/** Runs it. */\r\nrun();\r\n";
    const result = importInto(source, ['logger'], { filePath: '/p/src/cli.ts' });
    expect(result.text).toBe(
      "#!/usr/bin/env node\r\n// Copyright header\r\nimport { logger } from './errors/index.js';\r\n\r\n/** Runs it. */\r\nrun();\r\n",
    );
  });

  it('goes after file-level pragmas, which only work before any code', () => {
    const result = importInto('// @ts-check\n/* eslint-disable no-console */\nrun();\n', ['logger'], { filePath: '/p/src/cli.js' });
    expect(result.text).toBe("// @ts-check\n/* eslint-disable no-console */\nconst { logger } = require('./errors/index.js');\n\nrun();\n");
  });

  it('goes first, with a blank line, when the file starts with code', () => {
    const result = importInto('/** Runs it. */\nrun();\n', ['logger'], { filePath: '/p/src/cli.ts' });
    expect(result.text).toBe("import { logger } from './errors/index.js';\n\n/** Runs it. */\nrun();\n");
  });

  it('adds nothing when nothing was requested', () => {
    expect(importInto('run();\n', []).text).toBe('run();\n');
  });

  it('goes to its sorted place in a sorted relative group, before the comment lines that belong to the next import', () => {
    const source = "import a from 'a';\n\nimport { b } from '../b.js';\n// the cache is optional\nimport { c } from '../cache.js';\nimport { z } from './z.js';\n";
    expect(importInto(source, ['reportError']).text).toBe(
      "import a from 'a';\n\nimport { b } from '../b.js';\n// the cache is optional\nimport { c } from '../cache.js';\nimport { reportError } from '../errors/index.js';\nimport { z } from './z.js';\n",
    );
  });

  it('follows a block sorted by imported name, as ESLint sort-imports sorts', () => {
    const source = "import { alpha } from './z.js';\nimport { omega } from './a.js';\n";
    expect(importInto(source, ['logger']).text).toBe("import { alpha } from './z.js';\nimport { logger } from '../errors/index.js';\nimport { omega } from './a.js';\n");
  });

  it('never moves across a side-effect import', () => {
    const source = "import { a } from './a.js';\nimport './polyfill.js';\nimport { z } from './z.js';\n";
    expect(importInto(source, ['logger']).text).toBe(
      "import { a } from './a.js';\nimport './polyfill.js';\nimport { z } from './z.js';\nimport { logger } from '../errors/index.js';\n",
    );
  });

  it('goes before type-only imports that close a group', () => {
    const source = "import fs from 'node:fs';\nimport express from 'express';\nimport type { Request } from 'express';\n";
    expect(importInto(source, ['logger']).text).toBe(
      "import fs from 'node:fs';\nimport express from 'express';\nimport { logger } from '../errors/index.js';\nimport type { Request } from 'express';\n",
    );
  });
});

describe("placing the kit's import by the project's import/order", () => {
  const withOrder = (importOrder: ImportOrderOptions): KitLocation => ({ ...kit, importOrder });
  const defaults: ImportOrderOptions = { groups: ['builtin', 'external', 'parent', 'sibling', 'index'] };
  const cliModule =
    "import { env } from 'node:process';\nimport chalk from 'chalk';\nimport { resolve } from './promise.js';\nimport { logger } from './logger.js';\nimport type { Options } from '../types.js';\n";

  it('puts a parent folder before siblings under the default groups, even when the file has none yet', () => {
    expect(importInto(cliModule, ['reportError'], { kit: withOrder(defaults) }).text).toBe(
      "import { env } from 'node:process';\nimport chalk from 'chalk';\nimport { reportError } from '../errors/index.js';\nimport { resolve } from './promise.js';\nimport { logger } from './logger.js';\nimport type { Options } from '../types.js';\n",
    );
  });

  it('keeps type imports last when the groups rank them last, with no blank line when the rule forbids them', () => {
    const order: ImportOrderOptions = {
      groups: ['builtin', 'external', 'internal', 'unknown', 'parent', 'sibling', 'index', 'object', 'type'],
      newlinesBetween: 'never',
    };
    expect(importInto(cliModule, ['reportError'], { kit: withOrder(order) }).text).toBe(
      "import { env } from 'node:process';\nimport chalk from 'chalk';\nimport { reportError } from '../errors/index.js';\nimport { resolve } from './promise.js';\nimport { logger } from './logger.js';\nimport type { Options } from '../types.js';\n",
    );
  });

  it('joins its own rank at its alphabetical place when the rule sorts, and opens a rank with the blank lines the rule asks for', () => {
    const sorted: ImportOrderOptions = { ...defaults, alphabetize: { order: 'asc', caseInsensitive: false } };
    const siblings = "import { api } from './api.js';\nimport { users } from './users.js';\n";
    expect(importInto(siblings, ['logger'], { kit: withOrder(sorted), filePath: '/p/src/load.ts' }).text).toBe(
      "import { api } from './api.js';\nimport { logger } from './errors/index.js';\nimport { users } from './users.js';\n",
    );
    const spaced: ImportOrderOptions = { ...defaults, newlinesBetween: 'always' };
    expect(importInto("import fs from 'node:fs';\n\nimport express from 'express';\n\nimport { z } from './z.js';\n", ['logger'], { kit: withOrder(spaced) }).text).toBe(
      "import fs from 'node:fs';\n\nimport express from 'express';\n\nimport { logger } from '../errors/index.js';\n\nimport { z } from './z.js';\n",
    );
  });

  it('ranks an alias by the path group that names it', () => {
    const order: ImportOrderOptions = { groups: ['builtin', 'external', 'internal', 'parent', 'sibling'], pathGroups: [{ pattern: '@app/**', group: 'external', position: 'after' }] };
    const source = "import express from 'express';\nimport { db } from '@app/db';\nimport { z } from './z.js';\n";
    expect(importInto(source, ['logger'], { kit: { ...withOrder(order), importAlias: '@app/errors' } }).text).toBe(
      "import express from 'express';\nimport { db } from '@app/db';\nimport { logger } from '@app/errors';\nimport { z } from './z.js';\n",
    );
  });

  it('never goes above a side-effect import, which the rule does not rank', () => {
    const source = "import 'dotenv/config';\nimport { z } from './z.js';\n";
    expect(importInto(source, ['logger'], { kit: withOrder(defaults) }).text).toBe("import 'dotenv/config';\nimport { logger } from '../errors/index.js';\nimport { z } from './z.js';\n");
    const onlySetup = "import './setup.js';\n\nrun();\n";
    expect(importInto(onlySetup, ['logger'], { kit: withOrder(defaults) }).text).toBe("import './setup.js';\nimport { logger } from '../errors/index.js';\n\nrun();\n");
  });
});

describe('kitSpecifierInFile', () => {
  const specifierIn = (source: string, filePath = file, options: Partial<KitLocation> = {}): string =>
    kitSpecifierInFile(parseSource(source, filePath), filePath, { ...kit, ...options });

  it("writes the kit like the file's other relative imports", () => {
    expect(specifierIn("import { a } from './a.js';\n")).toBe('../errors/index.js');
    expect(specifierIn("import { a } from './a';\nimport b from '../b';\n")).toBe('../errors');
    expect(specifierIn("import { a } from './a/index';\n")).toBe('../errors/index');
    expect(specifierIn("import { a } from './a.ts';\n")).toBe('../errors/index.ts');
    expect(specifierIn("const a = require('./a');\n", '/p/src/users/load.js')).toBe('../errors');
  });

  it('takes the catalog style when the file gives no evidence, and never a suffix the kit has no file for', () => {
    expect(specifierIn("import fs from 'node:fs';\nimport data from './data.json';\n")).toBe('../errors/index.js');
    expect(specifierIn("import { a } from './a.mjs';\n", '/p/src/users/load.mjs')).toBe('../errors/index.js');
    expect(specifierIn("import { a } from './a.ts';\n", '/p/src/users/load.js', { language: 'javascript' })).toBe('../errors/index.js');
  });

  it('keeps a configured alias', () => {
    expect(specifierIn("import { a } from './a';\n", file, { importAlias: '@/errors' })).toBe('@/errors');
  });
});
