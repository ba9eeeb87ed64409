import { describe, expect, it } from 'vitest';
import { moduleBindingsOf } from '../../../transforms/javascript/lib/module-bindings.js';
import { parseSource } from '../../../transforms/javascript/lib/parse.js';

const bindingsOf = (source: string, file = 'sample.ts') =>
  moduleBindingsOf(parseSource(source, file)).map(({ source: from, local, whole, imported, typeOnly }) => [from, local, whole, imported ?? null, typeOnly]);

describe('moduleBindingsOf', () => {
  it('names every binding of an import, whole modules and single exports apart, types marked', () => {
    const source = [
      "import http, * as https from 'node:https';",
      "import { get as httpsGet, request } from 'node:http';",
      "import type { Stats } from 'node:fs';",
      "import { type Dirent, statSync } from 'node:fs';",
      "import 'side-effect-only';",
    ].join('\n');
    expect(bindingsOf(source)).toEqual([
      ['node:https', 'http', true, null, false],
      ['node:https', 'https', true, null, false],
      ['node:http', 'httpsGet', false, 'get', false],
      ['node:http', 'request', false, 'request', false],
      ['node:fs', 'Stats', false, 'Stats', true],
      ['node:fs', 'Dirent', false, 'Dirent', true],
      ['node:fs', 'statSync', false, 'statSync', false],
    ]);
  });

  it('reads top-level requires, whole or destructured, and nothing else', () => {
    const source = [
      "const fs = require('fs');",
      "const { log, sleep: wait, 'odd-name': odd } = require('../util');",
      "const { [key]: computed } = require('./table');",
      "const later = load('./not-a-require');",
      "function inner() { const hidden = require('./inner'); return hidden; }",
    ].join('\n');
    expect(bindingsOf(source, 'sample.js')).toEqual([
      ['fs', 'fs', true, null, false],
      ['../util', 'log', false, 'log', false],
      ['../util', 'wait', false, 'sleep', false],
      ['../util', 'odd', false, 'odd-name', false],
      ['./table', 'computed', false, null, false],
    ]);
  });
});
