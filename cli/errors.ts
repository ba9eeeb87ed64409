/**
 * Errors the command line turns into one-line messages and exit codes.
 * Anything else that escapes a command is a bug in faultline and is shown with its stack.
 */

/** The user asked for something that cannot be done as asked: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The operation ran and failed, or found problems (drift, parse errors): exit code 1. */
export class OperationError extends Error {
  override name = 'OperationError';
}

/** The user stopped the run (Ctrl-C); the message says what was and was not written: exit code 130. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
}

export function isUserFacing(error: unknown): error is UsageError | OperationError | InterruptedError {
  return error instanceof UsageError || error instanceof OperationError || error instanceof InterruptedError;
}

/** 128 + SIGINT, what shells report for a command stopped with Ctrl-C. */
export const INTERRUPTED_EXIT_CODE = 130;
