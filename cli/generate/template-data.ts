/**
 * The data every kit template is rendered with. Templates make no decisions:
 * everything that varies by project is computed here, before rendering.
 */
export interface TemplateError {
  /** Class name, always ending in `Error`, e.g. `NotFoundError`. */
  name: string;
  /** Stable UPPER_SNAKE_CASE code, e.g. `NOT_FOUND`. */
  code: string;
  status: number;
  category: string;
  retryable: boolean;
  severity: 'fatal' | 'error' | 'warning' | 'info';
  /** Safe to show users. */
  message: string;
  /** For operators. */
  description: string;
  /** Human title for problem details and docs, e.g. `Not Found`. */
  title: string;
  /** `message` as a string literal (quotes and escapes included), ready to paste into code. */
  messageLiteral: string;
  /** `title` as a string literal. */
  titleLiteral: string;
  /** Runbook file name relative to the runbook dir, e.g. `NOT_FOUND.md`. */
  runbookFile: string;
}

export interface TemplateData {
  /** Relative import suffix: `.js` or empty. */
  importSuffix: string;
  framework: 'express' | 'fastify' | 'hono' | 'none';
  logger: 'pino' | 'console';
  testRunner: 'vitest' | 'jest' | 'node:test';
  /** The import line(s) a test file needs for `describe`/`it` (empty for jest globals). */
  testImports: string;
  /** Base URL for problem `type` links, or empty string when none (types are then `about:blank`). */
  docsBaseUrl: string;
  /** One line saying the file is derived from the catalog and how to regenerate it. */
  generatedHeader: string;
  errors: TemplateError[];
  /** The catalog errors used by name in kit code and tests. */
  internalError: TemplateError;
  validationError: TemplateError;
  notFoundError: TemplateError;
  /** A retryable catalog error (dependency unavailable) used by the resilience tests. */
  retryableError: TemplateError;
  projectName: string;
  catalogFile: string;
  runbookDir: string;
  /** Path from the generated docs pages to the runbook dir, e.g. `runbooks`. */
  runbookDirFromDocs: string;
}
