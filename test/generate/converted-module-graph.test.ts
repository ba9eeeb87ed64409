import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  convertModules,
  packageJson,
  runNode,
  tsconfig,
  tscPath,
  writeFiles,
  type ModuleSystem,
} from './conversion-helpers.js';

/**
 * A small module graph in the style of the kit: an error hierarchy with native `cause`, an
 * async retry helper, an `export *` barrel and a program that prints what it observes.
 */
const graph: Record<string, string> = {
  'errors.ts': `
/** What every error of the service may carry. */
export interface ErrorOptions {
  cause?: unknown;
  details?: Record<string, unknown>;
}

export type Severity = 'error' | 'warning';

export abstract class ServiceError extends Error {
  static readonly code: string = 'INTERNAL';
  protected static created = 0;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, options: ErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = (new.target as typeof ServiceError).code;
    this.details = options.details ?? {};
    ServiceError.created++;
  }

  /** One line for operators. */
  abstract describe(): string;

  get severity(): Severity {
    return 'error';
  }

  static count(): number {
    return ServiceError.created;
  }

  toJSON(): { code: string; message: string; cause?: string } {
    const cause = this.cause instanceof Error ? this.cause.message : undefined;
    return { code: this.code, message: this.message, ...(cause === undefined ? {} : { cause }) };
  }
}

export class NotFoundError extends ServiceError {
  static override readonly code = 'NOT_FOUND' as const;
  override name = 'NotFoundError';

  describe(): string {
    return \`\${this.code}: \${this.message}\`;
  }
}

export class UnavailableError extends ServiceError {
  static override readonly code: string = 'UNAVAILABLE';
  override name = 'UnavailableError';

  override get severity(): Severity {
    return 'warning';
  }

  describe(): string {
    return \`\${this.code} after \${String(this.details.attempts)} attempts\`;
  }
}
`,
  'retry.ts': `
import { ServiceError, UnavailableError } from './errors.js';
import type { ErrorOptions } from './errors.js';

export interface RetryPolicy {
  attempts: number;
  onRetry?: (attempt: number, error: ServiceError) => void;
}

/** Runs \`work\` until it succeeds or the policy's attempts are spent. */
export async function retry<T>(work: (attempt: number) => Promise<T>, policy: RetryPolicy = { attempts: 3 }): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      lastError = error;
      if (error instanceof ServiceError) policy.onRetry?.(attempt, error);
    }
  }
  const options: ErrorOptions = { cause: lastError, details: { attempts: policy.attempts } };
  throw new UnavailableError(\`gave up after \${policy.attempts} attempts\`, options);
}

export const delay = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms));
`,
  'index.ts': `
export * from './errors.js';
export * from './retry.js';
export type { RetryPolicy as Policy } from './retry.js';
export { delay as sleep } from './retry.js';
`,
  'main.ts': `
import { NotFoundError, UnavailableError, retry, sleep, type Policy } from './index.js';
import * as kit from './index.js';

const seen: number[] = [];
const policy: Policy = { attempts: 3, onRetry: (attempt) => seen.push(attempt) };

async function main(): Promise<void> {
  await sleep(1);
  const value = await retry(async (attempt: number) => {
    if (attempt < 2) throw new NotFoundError('not yet');
    return attempt * 10;
  }, policy);
  let failure: UnavailableError | undefined;
  try {
    await retry(() => Promise.reject(new NotFoundError('missing', { details: { id: 7 } })), policy);
  } catch (error) {
    failure = error as UnavailableError;
  }
  const cause = failure!.cause as NotFoundError;
  console.log(
    JSON.stringify({
      value,
      seen,
      failure: failure!.toJSON(),
      failureName: failure!.name,
      descriptions: [failure!.describe(), cause.describe()],
      failureDetails: failure!.details,
      severities: [failure!.severity, cause.severity],
      causeDetails: cause.details,
      causeIsServiceError: cause instanceof kit.ServiceError,
      created: kit.ServiceError.count(),
      ownKeys: Object.keys(cause),
      exports: Object.keys(kit).sort(),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`,
};

/** A caller that misuses the converted API: checkJs must see the JSDoc types to report it. */
const misuse: Record<ModuleSystem, string> = {
  esm: `
import { retry, NotFoundError } from './index.js';
retry('not a function');
new NotFoundError(42);
`,
  cjs: `
const { retry, NotFoundError } = require('./index.js');
retry('not a function');
new NotFoundError(42);
`,
};

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'faultline-graph-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function project(name: string, files: Record<string, string>): string {
  const directory = path.join(root, name);
  writeFiles(directory, files);
  return directory;
}

/** The reference: the graph compiled by TypeScript itself and run. */
function runCompiledTypeScript(): string {
  const directory = project('typescript', {
    ...graph,
    'package.json': packageJson('esm'),
    'tsconfig.json': tsconfig({ strict: true, outDir: 'dist', rootDir: '.' }),
  });
  const compiled = runNode([tscPath, '-p', 'tsconfig.json'], directory);
  expect(compiled.output).toBe('');
  const run = runNode(['dist/main.js'], directory);
  expect(run.output).toMatch(/^\{/);
  expect(run.status).toBe(0);
  return run.output;
}

function convertedProject(moduleSystem: ModuleSystem, extra: Record<string, string> = {}): string {
  return project(`${moduleSystem}-${Object.keys(extra).length}`, {
    ...convertModules(graph, moduleSystem),
    ...extra,
    'package.json': packageJson(moduleSystem),
    'tsconfig.json': tsconfig({ allowJs: true, checkJs: true, noEmit: true, strict: false }),
  });
}

describe('a converted module graph', () => {
  let expected: string;

  beforeAll(() => {
    expected = runCompiledTypeScript();
  });

  it('behaves the same as JavaScript ES modules as the compiled TypeScript does', () => {
    const directory = convertedProject('esm');
    const run = runNode(['main.js'], directory);
    expect(run.output).toBe(expected);
    expect(run.status).toBe(0);
  });

  it('behaves the same as CommonJS as the compiled TypeScript does', () => {
    const directory = convertedProject('cjs');
    const run = runNode(['main.js'], directory);
    expect(run.output).toBe(expected);
    expect(run.status).toBe(0);
  });

  it('really is CommonJS: loadable with require, without ES module syntax', () => {
    const directory = convertedProject('cjs');
    const run = runNode(['-e', "const kit = require('./index.js'); console.log(Object.keys(kit).sort().join(','))"], directory);
    expect(run.output.trim()).toBe('NotFoundError,ServiceError,UnavailableError,delay,retry,sleep');
    for (const [name, code] of Object.entries(convertModules(graph, 'cjs'))) {
      expect(code, name).not.toMatch(/^\s*(import|export)\s/m);
    }
  });

  it.each(['esm', 'cjs'] as const)('type-checks as %s with checkJs, and its JSDoc types catch misuse', (moduleSystem) => {
    const clean = runNode([tscPath, '-p', 'tsconfig.json'], convertedProject(moduleSystem));
    expect(clean.output).toBe('');
    expect(clean.status).toBe(0);

    const misused = runNode([tscPath, '-p', 'tsconfig.json'], convertedProject(moduleSystem, { 'misuse.js': misuse[moduleSystem] }));
    const errors = misused.output.trim().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^misuse\.js\(3,7\): error TS2345: Argument of type 'string'/);
    expect(errors[1]).toMatch(/^misuse\.js\(4,19\): error TS2345: Argument of type 'number'/);
  });
});
