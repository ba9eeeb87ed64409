import { UsageError } from '../errors.js';
import { CATALOG_FILE } from './load.js';
import type { Catalog, CatalogErrorEntry, Severity } from './model.js';
import { titleFromClassName, toClassName, toErrorCode, validateClassName, validateErrorCode } from './names.js';
import { RESERVED_NAMES } from './reserved-names.js';

/** What a user gives for a new error; everything but the name has a default. */
export interface NewErrorInput {
  /** As typed: `PaymentDeclined`, `PaymentDeclinedError` (kebab and snake case are turned into PascalCase). */
  name: string;
  code?: string;
  status?: number;
  category?: string;
  retryable?: boolean;
  severity?: Severity;
  message?: string;
  description?: string;
}

/** The fields a new error gets when the user does not say otherwise; prompts offer them as defaults. */
export interface SuggestedFields {
  category: string;
  retryable: boolean;
  severity: Severity;
  message: string;
  description: string;
}

export const SEVERITIES: readonly Severity[] = ['fatal', 'error', 'warning', 'info'];

/** An error with no status is a server-side failure until the user says otherwise. */
export const DEFAULT_STATUS = 500;

const CATEGORY_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The families the standard statuses belong to; other statuses fall back to `client` or `internal`. */
const CATEGORY_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'validation',
  401: 'auth',
  403: 'auth',
  404: 'not-found',
  408: 'timeout',
  409: 'conflict',
  410: 'not-found',
  412: 'conflict',
  422: 'validation',
  429: 'rate-limit',
  500: 'internal',
  502: 'dependency',
  503: 'dependency',
  504: 'timeout',
};

/** Statuses that say "the same request may work later": timeouts, rate limits, unavailable upstreams. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

/**
 * Defaults that follow from the status: a 4xx is the caller's problem (a warning, not worth
 * retrying), a 5xx is ours (an error), and timeouts, rate limits and unavailable dependencies
 * are retryable.
 */
export function suggestedFields(className: string, code: string, status: number): SuggestedFields {
  const clientError = status < 500;
  const title = titleFromClassName(className);
  return {
    category: CATEGORY_BY_STATUS[status] ?? (clientError ? 'client' : 'internal'),
    retryable: RETRYABLE_STATUSES.has(status),
    severity: clientError ? 'warning' : 'error',
    message: `${sentenceCase(title)}.${clientError ? '' : ' Please try again later.'}`,
    description: `${title} (${code}). Describe for operators what happened, why it usually happens and what to check first.`,
  };
}

/** The class name and code an input stands for, each validated with a one-line message. */
export function resolveNameAndCode(input: Pick<NewErrorInput, 'name' | 'code'>): { name: string; code: string } {
  const typed = input.name.trim();
  // `toClassName` would turn `class` into a valid `ClassError`; a keyword typed as the name is a mistake.
  if (RESERVED_NAMES.has(typed)) validateClassName(typed);
  const name = toClassName(typed);
  const code = input.code === undefined ? toErrorCode(name) : input.code.trim();
  validateErrorCode(code);
  return { name, code };
}

/** Refuses a name or code the catalog already has, naming the entry that holds it. */
export function assertNotInCatalog(catalog: Catalog, name: string, code: string): void {
  const sameName = catalog.errors.find((entry) => entry.name === name);
  if (sameName) {
    throw new UsageError(`${name} is already in ${CATALOG_FILE} (code ${sameName.code}) — choose another name, or edit that entry and run \`faultline sync\``);
  }
  const sameCode = catalog.errors.find((entry) => entry.code === code);
  if (sameCode) {
    throw new UsageError(`the code ${code} is already used by ${sameCode.name} — codes are unique and never reused; pass another with --code`);
  }
}

/**
 * The catalog entry for a new error: every value validated, missing ones suggested from the
 * status. Keys are in the order the catalog is written in, so the entry reads like the others.
 */
export function buildErrorEntry(catalog: Catalog, input: NewErrorInput): CatalogErrorEntry {
  const { name, code } = resolveNameAndCode(input);
  assertNotInCatalog(catalog, name, code);
  const status = input.status ?? DEFAULT_STATUS;
  validateStatus(status);
  const suggested = suggestedFields(name, code, status);
  const category = input.category?.trim() || suggested.category;
  validateCategory(category);
  const severity = input.severity ?? suggested.severity;
  validateSeverity(severity);
  const message = input.message === undefined ? suggested.message : input.message.trim();
  validateMessage(message);
  const description = input.description === undefined ? suggested.description : input.description.trim();
  if (description.length === 0) throw new UsageError('the description is empty — say for operators what the error means');
  return {
    name,
    code,
    status,
    category,
    retryable: input.retryable ?? suggested.retryable,
    severity,
    message,
    description,
  };
}

/** `--status 402` arrives as text; anything but a whole number from 400 to 599 is refused. */
export function parseHttpStatus(text: string): number {
  const status = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  validateStatus(status, text);
  return status;
}

export function validateStatus(status: number, typed: string = String(status)): void {
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new UsageError(`invalid status ${JSON.stringify(typed)}: use an HTTP error status from 400 to 599, like 402`);
  }
}

export function validateCategory(category: string): void {
  if (!CATEGORY_PATTERN.test(category)) {
    throw new UsageError(`invalid category ${JSON.stringify(category)}: use kebab-case letters and digits, like payment or not-found`);
  }
}

export function validateSeverity(severity: string): asserts severity is Severity {
  if (!(SEVERITIES as readonly string[]).includes(severity)) {
    throw new UsageError(`invalid severity ${JSON.stringify(severity)}: use one of ${SEVERITIES.join(', ')}`);
  }
}

export function validateMessage(message: string): void {
  if (message.length === 0) throw new UsageError('the message is empty — give one line that is safe to show users');
  if (/[\r\n]/.test(message)) throw new UsageError('the message must be a single line — it is shown to users as is');
}

/** `Payment Declined` → `Payment declined`; acronyms (`HTTP`) keep their capitals. */
function sentenceCase(title: string): string {
  return title
    .split(' ')
    .map((word, index) => (index === 0 || /^[A-Z0-9]+$/.test(word) ? word : word.toLowerCase()))
    .join(' ');
}
