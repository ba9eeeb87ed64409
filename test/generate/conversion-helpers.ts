import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { toCommonJs } from '../../cli/generate/to-commonjs.js';
import { toJavaScript } from '../../cli/generate/to-javascript.js';

const require = createRequire(import.meta.url);

/** The TypeScript compiler the project itself builds with. */
export const tscPath = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');

/** Where `@types/node` lives, so compilers run in temp dirs outside the repository still find it. */
export const typeRoots = path.join(path.dirname(require.resolve('@types/node/package.json')), '..');

export interface RunResult {
  status: number | null;
  output: string;
}

export function runNode(args: readonly string[], cwd: string): RunResult {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export function writeFiles(directory: string, files: Readonly<Record<string, string>>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(directory, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

export type ModuleSystem = 'esm' | 'cjs';

/** TypeScript module sources (by `.ts` path) converted to JavaScript files (by `.js` path). */
export function convertModules(sources: Readonly<Record<string, string>>, moduleSystem: ModuleSystem): Record<string, string> {
  const converted: Record<string, string> = {};
  for (const [name, source] of Object.entries(sources)) {
    const jsName = name.replace(/\.ts$/, '.js');
    const javascript = toJavaScript(source, name);
    converted[jsName] = moduleSystem === 'cjs' ? toCommonJs(javascript, jsName) : javascript;
  }
  return converted;
}

export function packageJson(moduleSystem: ModuleSystem): string {
  return JSON.stringify({ private: true, type: moduleSystem === 'esm' ? 'module' : 'commonjs' });
}

/** A tsconfig for a temp project: Node's module rules, ES2022 class fields, `@types/node` from the repository. */
export function tsconfig(compilerOptions: Record<string, unknown>): string {
  return JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      skipLibCheck: true,
      typeRoots: [typeRoots],
      types: ['node'],
      ...compilerOptions,
    },
  });
}
