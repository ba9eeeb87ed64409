import { reportError } from '../src/errors/index.js';

export function lastLogin(userId, sessions) {
  return sessions.find(userId).then(() => true).catch((error) => { reportError(error, { operation: 'lastLogin' }); return null; });
}
