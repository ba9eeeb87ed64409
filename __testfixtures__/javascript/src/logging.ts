// A stand-in for a project's own logger, so fixtures that import it type-check.
export const logger = { debug: (_message: string): void => undefined, error: (_message: string): void => undefined };
