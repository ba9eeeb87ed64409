import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { lazyRequire } from '../lazy-require.js';

const loadAjv = lazyRequire<typeof AjvModule>('ajv');
import { packageRoot } from '../package-root.js';
import { closestName } from './closest-name.js';
import { escapePointerSegment } from './located-json.js';

/** One way a catalog breaks the schema, located by JSON pointer. */
export interface SchemaProblem {
  pointer: string;
  /** Completes a sentence that starts with the place, e.g. `must be an integer between 400 and 599`. */
  message: string;
  /** The problem is the property name itself (unknown or misspelled), not its value. */
  atKey: boolean;
}

export const CATALOG_SCHEMA_PATH = join('schema', 'catalog.schema.json');

let compiled: ValidateFunction | undefined;

export function catalogSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(packageRoot(), CATALOG_SCHEMA_PATH), 'utf8')) as Record<string, unknown>;
}

export function validateAgainstSchema(value: unknown): SchemaProblem[] {
  compiled ??= compile();
  if (compiled(value)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of compiled.errors ?? []) {
    const problem = describe(error);
    if (!problem) continue;
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function compile(): ValidateFunction {
  const Ajv = loadAjv().default;
  // The schema is ours and its tests check it against the meta-schema; checking it again on every
  // run took a third of the time it takes to compile it.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, validateSchema: false });
  // Editors (VS Code's JSON service) show `errorMessage` instead of the generic message; so do we.
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  return ajv.compile(catalogSchema());
}

function describe(error: ErrorObject): SchemaProblem | undefined {
  const parentSchema = (error.parentSchema ?? {}) as Record<string, unknown>;
  const custom = typeof parentSchema.errorMessage === 'string' ? parentSchema.errorMessage : undefined;
  if (error.keyword === 'additionalProperties') {
    const name = String((error.params as { additionalProperty: string }).additionalProperty);
    const known = Object.keys((parentSchema.properties as Record<string, unknown> | undefined) ?? {});
    const suggestion = closestName(name, known);
    return {
      pointer: `${error.instancePath}/${escapePointerSegment(name)}`,
      message: `is not a known property — ${suggestion ? `did you mean "${suggestion}"?` : `remove it (known: ${known.join(', ')})`}`,
      atKey: true,
    };
  }
  if (error.keyword === 'required') {
    const name = String((error.params as { missingProperty: string }).missingProperty);
    return { pointer: error.instancePath, message: `is missing the required property "${name}"`, atKey: false };
  }
  // Ajv reports a bad property name twice: once for the failing rule (with propertyName set), once as a summary.
  if (error.keyword === 'propertyNames') return undefined;
  if (error.propertyName !== undefined) {
    return {
      pointer: `${error.instancePath}/${escapePointerSegment(error.propertyName)}`,
      message: `is not a valid name: ${custom ?? error.message ?? 'invalid'}`,
      atKey: true,
    };
  }
  return { pointer: error.instancePath, message: custom ?? error.message ?? 'is invalid', atKey: false };
}
