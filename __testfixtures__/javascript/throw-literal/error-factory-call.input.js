import createError from 'http-errors';

export function requireUser(request) {
  if (!request.user) throw createError(401, 'Sign in first');
  return request.user;
}
