export function lastLogin(userId, sessions) {
  return sessions.find(userId).then(() => true).catch(() => null);
}
