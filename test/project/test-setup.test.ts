import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addToConfigList, ISTANBUL_DEFAULT_EXCLUDE, planCoverageExclusion, withJestCoverageExclusion } from '../../cli/generate/coverage-exclusion.js';
import { kitTestCommand } from '../../cli/generate/package-json.js';
import type { CatalogTarget } from '../../cli/catalog/model.js';
import { collects, detectTestSetup, placeKitTest } from '../../cli/project/test-setup.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp project of the given files (objects become JSON) and its package.json as an object. */
function project(files: Record<string, string | object>): { root: string; packageJson: Record<string, unknown> } {
  const root = mkdtempSync(join(tmpdir(), 'faultline-tests-'));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return { root, packageJson: (files['package.json'] as Record<string, unknown> | undefined) ?? {} };
}

async function placed(files: Record<string, string | object>, kitDir: string, extension: string) {
  const { root, packageJson } = project(files);
  const setup = await detectTestSetup(root, packageJson);
  return { setup, ...placeKitTest(setup, kitDir, extension) };
}

const target = (fields: Partial<CatalogTarget>): CatalogTarget => ({
  language: 'typescript', moduleSystem: 'esm', importSuffix: '.js', kitDir: 'src/errors', runbookDir: 'docs/runbooks',
  framework: 'none', logger: 'console', testRunner: 'vitest', docsBaseUrl: null, ...fields,
});

describe('where the kit test goes', () => {
  it('AVA runs the tests: the kit test is named as AVA names its helpers, so `npm test` does not fail on it, and test:errors runs it', async () => {
    const result = await placed({
      'package.json': { type: 'module', devDependencies: { ava: '^6.4.1', xo: '^1.2.2' }, scripts: { test: 'xo && ava' }, ava: { files: ['!test/fixtures'] } },
      'source/index.js': 'export const x = 1;\n',
      'test/index.js': "import test from 'ava';\ntest('x', t => t.pass());\n",
    }, 'source/errors', 'js');
    expect(result.setup.avaCollects).toBe(true);
    expect(result).toMatchObject({ path: 'test/errors/_kit.js', collected: false });
    expect(kitTestCommand(target({ language: 'javascript', testRunner: 'node:test', testFile: result.path }), result.setup)).toBe('node --test test/errors/_kit.js');
  });

  it('jest with roots limited to test/: into that folder, never beside the kit where jest does not look', async () => {
    const result = await placed({
      'package.json': { devDependencies: { jest: '^30.0.0' }, jest: { roots: ['<rootDir>/test'] }, scripts: { test: 'jest' } },
      'src/index.js': 'module.exports = {}\n',
      'test/index.test.js': "test('x', () => {})\n",
    }, 'src/errors', 'js');
    expect(result.setup.runner).toBe('jest');
    expect(result).toMatchObject({ path: 'test/errors/kit.test.js', collected: true });
    expect(collects(result.setup, 'src/errors/kit.test.js')).toBe(false);
  });

  it('mocha with a ts-node .mocharc: the spec glob\'s folder and naming, and ts-node as the loader', async () => {
    const result = await placed({
      'package.json': { devDependencies: { mocha: '^11.0.0', 'ts-node': '^10.9.2' }, scripts: { test: 'mocha' } },
      '.mocharc.json': { require: ['ts-node/register'], extension: ['ts'], spec: ['test/**/*.spec.ts'] },
      'test/index.spec.ts': '',
    }, 'src/errors', 'ts');
    expect(result.setup).toMatchObject({ runner: 'mocha', typescriptLoader: 'ts-node/register' });
    expect(result).toMatchObject({ path: 'test/errors/kit.spec.ts', collected: true });
    // mocha appends files given to it to the config's spec: test:errors leaves the config out and keeps its loader.
    expect(kitTestCommand(target({ testRunner: 'mocha', testFile: result.path }), result.setup)).toBe('mocha --no-config --require ts-node/register test/errors/kit.spec.ts');
  });

  it('mocha with its default spec (test/*.js, not recursive): directly in test/', async () => {
    const result = await placed({
      'package.json': { devDependencies: { mocha: '^11.0.0', standard: '^17.1.0' }, scripts: { test: 'standard && mocha' } },
      'lib/index.js': '',
      'test/index.js': '',
    }, 'errors', 'js');
    expect(result).toMatchObject({ path: 'test/error-kit.js', collected: true });
  });

  it('mocha reading its loader from a YAML config and its spec from the test script', async () => {
    const result = await placed({
      'package.json': { devDependencies: { mocha: '^11.0.0', tsx: '^4.0.0' }, scripts: { test: "mocha 'spec/**/*.test.ts'" } },
      '.mocharc.yml': 'require:\n  - tsx\nextension: ts\n',
    }, 'src/errors', 'ts');
    expect(result.setup).toMatchObject({ typescriptLoader: 'tsx', patterns: ['spec/**/*.test.ts'] });
    expect(result.path).toBe('spec/errors/kit.test.ts');
  });

  it('vitest including only src tests beside the code: beside the kit, and its 100% thresholds are seen', async () => {
    const result = await placed({
      'package.json': { devDependencies: { vitest: '^4.0.0' }, scripts: { test: 'vitest run --coverage' } },
      'vitest.config.ts': "export default { test: { include: ['src/**/*.test.ts'], coverage: { include: ['src/**'], thresholds: { 100: true } } } };\n",
      'src/sum.test.ts': '',
    }, 'src/errors', 'ts');
    expect(result.setup).toMatchObject({ runner: 'vitest', patterns: ['src/**/*.test.ts'], coverageThresholds: true });
    expect(result).toMatchObject({ path: 'src/errors/kit.test.ts', collected: true });
  });

  it('a package that compiles src into its build and has no tests yet: a test folder, out of the build', async () => {
    const result = await placed({
      'package.json': { devDependencies: { vitest: '^4.0.0' }, files: ['dist'] },
      'tsconfig.json': { compilerOptions: { outDir: 'dist' }, include: ['src'] },
      'src/index.ts': '',
    }, 'src/errors', 'ts');
    expect(result.path).toBe('test/errors/kit.test.ts');
  });

  it('node:test with a tsx test script: its loader, and the script\'s glob decides the place', async () => {
    const result = await placed({
      'package.json': { devDependencies: { tsx: '^4.0.0' }, scripts: { test: "node --import tsx --test 'test/**/*.test.ts'" } },
      'test/a.test.ts': '',
    }, 'src/errors', 'ts');
    expect(result.setup).toMatchObject({ runner: 'node:test', typescriptLoader: 'tsx' });
    expect(result.path).toBe('test/errors/kit.test.ts');
  });

  it("jest's testRegex and rootDir from package.json: tests named and placed as the project's own specs", async () => {
    const result = await placed({
      'package.json': {
        private: true,
        devDependencies: { jest: '^30.0.0' },
        scripts: { test: 'jest' },
        jest: { rootDir: 'src', testRegex: '.*\\.spec\\.ts$', transform: { '^.+\\.ts$': 'ts-jest' } },
      },
      'src/app.service.ts': '',
      'src/app.service.spec.ts': '',
      'src/app.test.ts': '',
      'test/app.e2e-spec.ts': '',
    }, 'src/errors', 'ts');
    expect(result.setup).toMatchObject({ runner: 'jest', roots: ['src'], testRegex: ['.*\\.spec\\.ts$'], existingTests: ['src/app.service.spec.ts'] });
    expect(result).toEqual(expect.objectContaining({ path: 'src/errors/kit.spec.ts', collected: true }));
    expect(collects(result.setup, 'src/errors/kit.test.ts')).toBe(false);
    expect(collects(result.setup, 'test/errors/kit.spec.ts')).toBe(false);
  });

  it('tests kept in __tests__ folders beside the code: the kit\'s in one beside the kit, not in another module\'s', async () => {
    const result = await placed({
      'package.json': { private: true, devDependencies: { vitest: '^3.0.0' }, scripts: { test: 'vitest run' } },
      'tsconfig.json': { compilerOptions: { outDir: 'dist' }, include: ['src'] },
      'src/api/user/userService.ts': '',
      'src/api/user/__tests__/userService.test.ts': '',
      'src/common/__tests__/errorHandler.test.ts': '',
    }, 'src/errors', 'ts');
    expect(result).toMatchObject({ path: 'src/errors/__tests__/kit.test.ts', collected: true });
  });

  it('c8 thresholds in a script the test script runs: seen, with the runner that script starts', async () => {
    const { root, packageJson } = project({
      'package.json': { scripts: { test: 'npm run lint && npm run test:unit && npm run test:types', 'test:unit': 'c8 --100 node --test', lint: 'eslint', 'test:types': 'tsd' } },
    });
    const setup = await detectTestSetup(root, packageJson);
    expect(setup).toMatchObject({ runner: 'node:test', coverageThresholds: true, coverageWrapper: { tool: 'c8' } });
    expect(setup.coverageWrapper?.configFile).toBeUndefined();
  });

  it('nyc thresholds set in its rc file count when the test script runs nyc, not otherwise', async () => {
    const withNyc = project({ 'package.json': { scripts: { test: 'nyc mocha' } }, '.nycrc.json': { 'check-coverage': true, lines: 90 } });
    expect((await detectTestSetup(withNyc.root, withNyc.packageJson)).coverageWrapper).toEqual({ tool: 'nyc', configFile: '.nycrc.json' });
    const reportOnly = project({ 'package.json': { scripts: { test: 'mocha', 'test-cov': 'nyc npm test' } }, '.nycrc.json': { 'check-coverage': true } });
    expect((await detectTestSetup(reportOnly.root, reportOnly.packageJson)).coverageThresholds).toBe(false);
  });

  it('c8 --check-coverage counts as coverage thresholds', async () => {
    const { root, packageJson } = project({ 'package.json': { scripts: { test: 'c8 --check-coverage --lines 100 node --test' } } });
    expect((await detectTestSetup(root, packageJson)).coverageThresholds).toBe(true);
  });
});

describe('test:errors', () => {
  it('names the kit test file itself, never a folder or a word other tests may match', () => {
    expect(kitTestCommand(target({ testRunner: 'vitest' }))).toBe('vitest run src/errors/kit.test.ts');
    expect(kitTestCommand(target({ testRunner: 'vitest' }), { typescriptLoader: null, coverageThresholds: true })).toBe('vitest run src/errors/kit.test.ts --coverage.enabled=false');
    expect(kitTestCommand(target({ testRunner: 'jest', testFile: 'test/errors/kit.test.ts' }))).toBe('jest --runTestsByPath test/errors/kit.test.ts');
    expect(kitTestCommand(target({ testRunner: 'mocha', testFile: 'test/errors/kit.spec.ts' }))).toBe('mocha test/errors/kit.spec.ts');
  });

  it('runs node --test with the loader the project already has', () => {
    expect(kitTestCommand(target({ testRunner: 'node:test' }), { typescriptLoader: 'ts-node/register', coverageThresholds: false })).toBe('node --require ts-node/register --test src/errors/kit.test.ts');
    expect(kitTestCommand(target({ testRunner: 'node:test' }))).toBe('node --import tsx --test src/errors/kit.test.ts');
    expect(kitTestCommand(target({ testRunner: 'node:test', language: 'javascript' }))).toBe('node --test src/errors/kit.test.js');
  });
});

describe('coverage exclusions', () => {
  it('adds the kit to a vitest config\'s coverage exclude, creating the list or extending it, once', () => {
    const config = "export default defineConfig({\n  test: {\n    coverage: {\n      thresholds: { 100: true },\n    },\n  },\n});\n";
    const once = addToConfigList(config, 'coverage', 'exclude', 'src/errors/**')!;
    expect(once).toContain("    coverage: {\n      exclude: ['src/errors/**'],\n      thresholds");
    expect(addToConfigList(once, 'coverage', 'exclude', 'src/errors/**')).toBe(once);
    const withList = config.replace('thresholds', "exclude: ['**/*.d.ts'],\n      thresholds");
    expect(addToConfigList(withList, 'coverage', 'exclude', 'src/errors/**')).toContain("exclude: ['src/errors/**', '**/*.d.ts']");
    expect(addToConfigList('export default {};\n', 'coverage', 'exclude', 'x/**')).toBeNull();
  });

  it('c8 thresholds given as flags: the kit joins c8\'s default excludes in package.json, which c8 merges with its flags', async () => {
    const text = '{\n  "name": "plugin",\n  "files": ["index.js", "lib"],\n  "scripts": {\n    "test": "c8 --100 node --test"\n  }\n}\n';
    const { root } = project({ 'package.json': text });
    const setup = await detectTestSetup(root, JSON.parse(text));
    const exclusion = planCoverageExclusion(root, setup, target({ kitDir: 'lib/errors', testRunner: 'node:test', language: 'javascript' }))!;
    expect(exclusion.file).toBeUndefined();
    const edited = exclusion.packageJsonEdit!(text);
    expect(JSON.parse(edited).c8).toEqual({ exclude: [...ISTANBUL_DEFAULT_EXCLUDE, 'lib/errors/**'] });
    // Only lines are added: the rest of the file is as the project wrote it.
    expect(edited.startsWith(text.slice(0, text.lastIndexOf('\n  }')))).toBe(true);
  });

  it('c8 settings in .c8rc.json: the kit is added to its own exclude list there', async () => {
    const { root, packageJson } = project({
      'package.json': { scripts: { test: 'c8 node --test' } },
      '.c8rc.json': '{\n  "check-coverage": true,\n  "exclude": ["test/**", "scripts/**"]\n}\n',
    });
    const setup = await detectTestSetup(root, packageJson);
    const exclusion = planCoverageExclusion(root, setup, target({ kitDir: 'src/errors', testRunner: 'node:test' }))!;
    expect(exclusion.file).toEqual({ path: '.c8rc.json', kind: 'merged', content: '{\n  "check-coverage": true,\n  "exclude": ["test/**", "scripts/**", "src/errors/**"]\n}\n' });
  });

  it('keeps jest\'s node_modules default when it adds the kit to coveragePathIgnorePatterns', () => {
    expect(withJestCoverageExclusion({ coverageThreshold: { global: { lines: 100 } } }, 'src/errors')?.coveragePathIgnorePatterns).toEqual(['/node_modules/', '<rootDir>/src/errors/']);
    expect(withJestCoverageExclusion({ collectCoverage: true }, 'src/errors')).toBeUndefined();
  });
});
