import { AppError, reportError, NotFoundError } from '../src/errors/index.js';

const sessions = new Set<string>();

export function requireSession(token: string): void {
  if (!sessions.has(token)) {
    reportError(new AppError('Session lookup failed'));
    throw new NotFoundError('Session not found', { expose: false });
  }
}
