import type { Catalog, CatalogErrorEntry, CatalogMapping, CatalogTarget } from './model.js';
import { schemaReference } from './schema-reference.js';

/**
 * The taxonomy every project starts with. Codes are part of a public contract (clients
 * branch on them, dashboards group by them), so these values must never change once shipped.
 */
export function defaultErrors(): CatalogErrorEntry[] {
  return [
    {
      name: 'ValidationError',
      code: 'VALIDATION_FAILED',
      status: 400,
      category: 'validation',
      retryable: false,
      severity: 'info',
      message: 'The request is invalid. Check the highlighted fields and try again.',
      description: 'Input failed validation: a required field is missing, a value has the wrong type or format, or a business rule on the input was broken. The details list the offending fields.',
    },
    {
      name: 'UnauthorizedError',
      code: 'UNAUTHENTICATED',
      status: 401,
      category: 'auth',
      retryable: false,
      severity: 'info',
      message: 'You need to sign in to do this.',
      description: 'The request carried no credentials, or credentials that are expired, revoked or malformed. A spike usually means a token issuer or clock problem, or a client shipping a broken auth flow.',
    },
    {
      name: 'ForbiddenError',
      code: 'FORBIDDEN',
      status: 403,
      category: 'auth',
      retryable: false,
      severity: 'warning',
      message: 'You do not have permission to do this.',
      description: 'The caller is authenticated but not allowed to perform this operation on this resource. A spike can mean a permissions change went wrong or someone is probing for access.',
    },
    {
      name: 'NotFoundError',
      code: 'NOT_FOUND',
      status: 404,
      category: 'not-found',
      retryable: false,
      severity: 'info',
      message: 'The requested resource was not found.',
      description: 'A lookup by identifier or route found nothing. Usually a stale link or a deleted record; a spike after a deploy can mean a broken route or a data migration gap.',
    },
    {
      name: 'ConflictError',
      code: 'CONFLICT',
      status: 409,
      category: 'conflict',
      retryable: false,
      severity: 'info',
      message: 'The request conflicts with the current state of the resource. Refresh and try again.',
      description: 'The operation would violate a uniqueness or version constraint: a duplicate create, or an update based on a stale version of the record.',
    },
    {
      name: 'RateLimitedError',
      code: 'RATE_LIMITED',
      status: 429,
      category: 'rate-limit',
      retryable: true,
      severity: 'warning',
      message: 'Too many requests. Please wait a moment and try again.',
      description: 'The caller exceeded a rate limit or quota. Clients should back off and honour Retry-After; a sustained rate points to a misbehaving client or a limit set too low.',
    },
    {
      name: 'DependencyUnavailableError',
      code: 'DEPENDENCY_UNAVAILABLE',
      status: 503,
      category: 'dependency',
      retryable: true,
      severity: 'error',
      message: 'The service is temporarily unavailable. Please try again shortly.',
      description: 'A downstream dependency (database, cache, queue or third-party API) refused, failed or has its circuit breaker open. The cause chain names the dependency.',
    },
    {
      name: 'OperationTimeoutError',
      code: 'OPERATION_TIMEOUT',
      status: 504,
      category: 'timeout',
      retryable: true,
      severity: 'error',
      message: 'The operation took too long. Please try again.',
      description: 'An operation or a call to a dependency did not finish within its deadline and was aborted. Check the dependency latency and whether the deadline fits the work.',
    },
    {
      name: 'InternalError',
      code: 'INTERNAL',
      status: 500,
      category: 'internal',
      retryable: false,
      severity: 'error',
      message: 'Something went wrong on our side. Please try again later.',
      description: 'An unexpected failure: a bug, or an error that nothing classified. Anything thrown that is not a catalog error is normalized to this; the cause chain holds the original.',
    },
  ];
}

/**
 * `domain-errors` rules `init` proposes, all disabled: a class changes the status and code callers
 * see, so only the catalog's owner turns a rule on, after checking what it matches. Each is a phrase,
 * never a single common word ("missing", "invalid" and "permission" also describe server faults),
 * and the specific ones go first since the first match wins.
 */
export function defaultMappings(): CatalogMapping[] {
  return [
    { pattern: '\\b(was|were|is) not found\\b', flags: 'i', error: 'NotFoundError', disabled: true },
    { pattern: '\\balready exists\\b', flags: 'i', error: 'ConflictError', disabled: true },
    { pattern: '\\bnot authenticated\\b', flags: 'i', error: 'UnauthorizedError', disabled: true },
    { pattern: '\\bis not allowed to\\b', flags: 'i', error: 'ForbiddenError', disabled: true },
    { pattern: '\\brequest timed out\\b', flags: 'i', error: 'OperationTimeoutError', disabled: true },
  ];
}

export function newCatalog(target: CatalogTarget): Catalog {
  return {
    $schema: schemaReference(),
    version: 1,
    target: { ...target },
    errors: defaultErrors(),
    mappings: defaultMappings(),
  };
}
