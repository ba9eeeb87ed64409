// The kit's public surface as the transforms' output uses it, so fixture outputs can be type-checked.
export interface ReportContext {
  operation?: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly details: Record<string, unknown> | undefined;
  constructor(message?: string, options?: { cause?: unknown; details?: Record<string, unknown>; expose?: boolean }) {
    super(message);
    if (options?.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false });
    this.details = options?.details;
  }
}

export class NotFoundError extends AppError {}

type LogFn = (fields: Record<string, unknown>, message?: string) => void;

export const logger: { error: LogFn; warn: LogFn; info: LogFn; debug: LogFn; fatal: LogFn } = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  fatal: () => undefined,
};

export function reportError(error: unknown, context?: ReportContext): AppError {
  const appError = error instanceof AppError ? error : new AppError('Unexpected error', { cause: error });
  logger.error({ err: appError, ...context }, appError.message);
  return appError;
}

export function isErrnoError(error: unknown, ...codes: string[]): error is Error & { code: string } {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (codes.length === 0 || codes.includes(code));
}
