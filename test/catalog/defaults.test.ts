import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { defaultErrors, defaultMappings, newCatalog } from '../../cli/catalog/defaults.js';
import { validateClassName, validateErrorCode } from '../../cli/catalog/names.js';
import { packageRoot } from '../../cli/package-root.js';
import { validateAgainstSchema } from '../../cli/catalog/schema-validator.js';
import { TYPESCRIPT_TARGET } from './fixtures.js';

describe('defaults', () => {
  it('validate against the shipped schema, checked by a plain Ajv as an editor would', () => {
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'schema', 'catalog.schema.json'), 'utf8')) as object;
    const ajv = new AjvModule.default({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    for (const language of ['typescript', 'javascript', 'python'] as const) {
      const catalog = newCatalog({ ...TYPESCRIPT_TARGET, language, docsBaseUrl: 'https://docs.example.com/errors' });
      expect(validate(catalog), JSON.stringify(validate.errors)).toBe(true);
      expect(validateAgainstSchema(catalog)).toEqual([]);
    }
  });

  it('has the nine base errors with their contract values', () => {
    const table = defaultErrors().map(({ name, code, status, category, retryable }) => [name, code, status, category, retryable]);
    expect(table).toEqual([
      ['ValidationError', 'VALIDATION_FAILED', 400, 'validation', false],
      ['UnauthorizedError', 'UNAUTHENTICATED', 401, 'auth', false],
      ['ForbiddenError', 'FORBIDDEN', 403, 'auth', false],
      ['NotFoundError', 'NOT_FOUND', 404, 'not-found', false],
      ['ConflictError', 'CONFLICT', 409, 'conflict', false],
      ['RateLimitedError', 'RATE_LIMITED', 429, 'rate-limit', true],
      ['DependencyUnavailableError', 'DEPENDENCY_UNAVAILABLE', 503, 'dependency', true],
      ['OperationTimeoutError', 'OPERATION_TIMEOUT', 504, 'timeout', true],
      ['InternalError', 'INTERNAL', 500, 'internal', false],
    ]);
    expect(defaultErrors().find((entry) => entry.code === 'INTERNAL')?.severity).toBe('error');
  });

  it('use names and codes that pass the same validation as user input', () => {
    for (const entry of defaultErrors()) {
      expect(() => validateClassName(entry.name)).not.toThrow();
      expect(() => validateErrorCode(entry.code)).not.toThrow();
    }
  });

  it('keep internals out of public messages', () => {
    for (const entry of defaultErrors()) {
      expect(entry.message).not.toMatch(/stack|sql|exception|null|undefined|\{|\}/i);
      expect(entry.description.length).toBeGreaterThan(entry.message.length);
    }
  });

  it.each([
    ['User 42 was not found', 'NotFoundError'],
    ['Email already exists', 'ConflictError'],
    ['Not authenticated', 'UnauthorizedError'],
    ['This user is not allowed to delete projects', 'ForbiddenError'],
    ['The request timed out after 30 s', 'OperationTimeoutError'],
  ])('propose mapping %j to %s', (message, expected) => {
    const match = defaultMappings().find((mapping) => new RegExp(mapping.pattern, mapping.flags).test(message));
    expect(match?.error).toBe(expected);
  });

  it.each([
    'JWT_SECRET is missing from /etc/myapp/secrets.env',
    'permission denied for table payments (role app_rw on db-primary.internal)',
    'Invalid type',
    'Assertion failure - missing override',
    'Connection timeout',
    'file does not exist',
    'duplicate key value violates unique constraint',
  ])('propose no mapping for %j, whose words also describe server faults', (message) => {
    expect(defaultMappings().find((mapping) => new RegExp(mapping.pattern, mapping.flags).test(message))).toBeUndefined();
  });

  it('propose every mapping disabled, for the catalog owner to enable', () => {
    expect(defaultMappings().length).toBeGreaterThan(0);
    for (const mapping of defaultMappings()) expect(mapping.disabled).toBe(true);
  });

  it('map only to errors of the default catalog', () => {
    const names = new Set(defaultErrors().map((entry) => entry.name));
    for (const mapping of defaultMappings()) expect(names).toContain(mapping.error);
  });

  it('give each new catalog its own copies', () => {
    const first = newCatalog(TYPESCRIPT_TARGET);
    first.errors[0].status = 422;
    first.target.kitDir = 'lib/errors';
    expect(newCatalog(TYPESCRIPT_TARGET).errors[0].status).toBe(400);
    expect(TYPESCRIPT_TARGET.kitDir).toBe('src/errors');
  });
});
