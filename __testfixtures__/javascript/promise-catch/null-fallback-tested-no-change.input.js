export async function greeting(session, loadProfile) {
  const profile = await loadProfile(session.userId).catch(() => null);
  if (!profile) return 'Welcome!';
  return profile === null ? 'Welcome!' : `Welcome back, ${profile.name ?? 'friend'}!`;
}
