import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogTarget } from '../../cli/catalog/model.js';
import { faultline, run, tempDir, writeTree } from '../support/cli.js';
import { generateAndCheck, json } from './fit-project-tools.js';

/**
 * After init the project's tests, coverage, published files and logger are as before: each case
 * is a project shaped like real ones, installed from the registry, and its own commands judge.
 */

const targetOf = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'faultline.catalog.json'), 'utf8')) as { target: CatalogTarget }).target;
const lines = (text: string) => text.split('\n');

describe('coverage thresholds given as c8 flags', () => {
  const packageJson = `{
  "name": "shout-plugin",
  "version": "1.0.0",
  "main": "index.js",
  "keywords": ["shout", "plugin"],
  "scripts": {
    "test": "npm run test:unit",
    "test:unit": "c8 --100 node --test"
  },
  "devDependencies": {
    "c8": "^10.1.0"
  }
}
`;

  it('still pass after init: the kit is excluded where c8 merges its settings with the flags, and package.json only gains lines', () =>
    generateAndCheck({
      name: 'c8 --100',
      files: {
        'package.json': packageJson,
        'index.js': "'use strict'\n\nconst { shout } = require('./lib/shout')\n\nmodule.exports = { shout }\n",
        'lib/shout.js': "'use strict'\n\nfunction shout (text) {\n  return text.toUpperCase() + '!'\n}\n\nmodule.exports = { shout }\n",
        'test/shout.test.js': "'use strict'\n\nconst assert = require('node:assert')\nconst { it } = require('node:test')\nconst { shout } = require('..')\n\nit('shouts loudly', () => {\n  assert.strictEqual(shout('hi'), 'HI!')\n})\n",
      },
      kitTest: 'test/errors/kit.test.js',
      commands: [],
      ownTest: 'shouts loudly',
      verify: (dir) => {
        const after = readFileSync(path.join(dir, 'package.json'), 'utf8');
        const removed = lines(packageJson).filter((line) => !lines(after).includes(line));
        // The closing braces of the scripts and of the object gain a comma or move; no line of the project's is rewritten.
        expect(removed.filter((line) => !/^\s*[}\]],?$/.test(line) && !line.endsWith('"'))).toEqual([]);
        expect(after).toContain('"keywords": ["shout", "plugin"]');
        const c8 = (JSON.parse(after) as { c8: { exclude: string[] } }).c8;
        expect(c8.exclude).toEqual(expect.arrayContaining([`${targetOf(dir).kitDir}/**`, 'test{,s}/**']));
      },
    }));
});

describe("jest's testRegex", () => {
  it("names and places the kit's test as the project's specs, so jest collects it", () =>
    generateAndCheck({
      name: 'jest testRegex',
      files: {
        'package.json': json({
          name: 'spec-app', private: true,
          scripts: { test: 'jest' },
          jest: { rootDir: 'src', testRegex: '.*\\.spec\\.js$', testEnvironment: 'node' },
          devDependencies: { jest: '^30.0.0' },
        }),
        'src/double.js': 'function double (n) {\n  return n * 2\n}\n\nmodule.exports = { double }\n',
        'src/double.spec.js': "const { double } = require('./double')\n\ntest('doubles a number', () => {\n  expect(double(2)).toBe(4)\n})\n",
      },
      kitTest: 'src/errors/kit.spec.js',
      commands: [],
      ownTest: 'double.spec.js',
    }));
});

describe("the project's own logger", () => {
  it('is found as a pino instance of an unusual name exported from the server module, and the kit writes through it', () => {
    const dir = tempDir('instance-logger');
    writeTree(dir, {
      'package.json': json({ name: 'orders', private: true, type: 'module', scripts: { test: 'node --test' }, dependencies: { pino: '^9.0.0' } }),
      'src/server.js': "import { pino } from 'pino'\n\nexport const orderTrail = pino({ name: 'orders-api' })\nexport const start = () => orderTrail.info('started')\n",
      'src/index.js': "import { start } from './server.js'\n\nstart()\n",
      'src/orders.js': "import { orderTrail } from './server.js'\n\nexport const place = () => orderTrail.info('placed')\n",
      'src/orders.test.js': "import { it } from 'node:test'\nimport { orderTrail } from './server.js'\n\nit('has a trail', () => orderTrail.level)\n",
    });
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    const result = faultline(['init', '--yes'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('src/server.js');
    expect(targetOf(dir)).toMatchObject({ logger: 'project', projectLogger: { path: 'src/server.js', export: 'orderTrail', style: 'fields-first' } });
    run('npm', ['test'], dir);

    const probe = path.join(dir, 'probe.mjs');
    writeFileSync(probe, `import { reportError } from './${targetOf(dir).kitDir}/index.js'\nreportError(new Error('card declined'), { operation: 'charge' })\n`);
    const probed = spawnSync(process.execPath, [probe], { cwd: dir, encoding: 'utf8' });
    expect(probed.status, probed.stderr).toBe(0);
    // The line carries the name the project's pino instance was given: it went through that instance.
    const line = JSON.parse(probed.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(line).toMatchObject({ name: 'orders-api', operation: 'charge' });
  });
});

describe('pino among devDependencies only', () => {
  it('does not make the kit require it: a production install still loads the kit', () => {
    const dir = tempDir('dev-pino');
    const packageJson = json({
      name: 'prettify', version: '1.0.0', bin: { prettify: './bin.js' },
      scripts: { test: 'node --test' },
      devDependencies: { pino: '^9.0.0' },
    });
    writeTree(dir, {
      'package.json': packageJson,
      'bin.js': "#!/usr/bin/env node\n'use strict'\n\nprocess.stdout.write(require('./index.js')(process.argv[2]))\n",
      'index.js': "'use strict'\n\nmodule.exports = (line) => `[pretty] ${line}`\n",
      'test/index.test.js': "'use strict'\n\nconst { it } = require('node:test')\nconst assert = require('node:assert')\n\nit('prettifies', () => assert.strictEqual(require('..')('x'), '[pretty] x'))\n",
    });
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    const result = faultline(['init', '--yes'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const target = targetOf(dir);
    expect(target.logger).toBe('console');
    expect((JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: object }).dependencies).toBeUndefined();

    run('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    const loaded = spawnSync(process.execPath, ['-e', `require('./${target.kitDir}/index.js').logger.info({ ok: true }, 'loaded')`], { cwd: dir, encoding: 'utf8' });
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.stderr).toContain('loaded');
  });
});

describe('init --test-runner on a project that already has a catalog', () => {
  it("moves the kit's test to where the new runner collects it", () => {
    const dir = tempDir('rerun-runner');
    writeTree(dir, {
      'package.json': json({ name: 'two-runners', version: '1.0.0', main: 'src/index.js', files: ['src'], scripts: { test: 'jest' }, jest: { roots: ['<rootDir>/test'] }, devDependencies: { jest: '^30.0.0', vitest: '^3.0.0' } }),
      'src/index.js': 'module.exports = {}\n',
      'test/index.test.js': "test('x', () => {})\n",
    });
    expect(faultline(['init', '--yes'], { cwd: dir }).code).toBe(0);
    expect(targetOf(dir)).toMatchObject({ testRunner: 'jest', testFile: 'test/errors/kit.test.js' });
    const rerun = faultline(['init', '--yes', '--test-runner', 'vitest', '--force'], { cwd: dir });
    expect(rerun.code, rerun.stderr).toBe(0);
    const target = targetOf(dir);
    expect(target.testRunner).toBe('vitest');
    expect(target.testFile).not.toBe('test/errors/kit.test.js');
  });
});
