// A stand-in for a project's own module, so fixtures that import it type-check.
export const store = { save: async (_record: unknown): Promise<void> => undefined };
export const cache = { clear: (): void => undefined };
