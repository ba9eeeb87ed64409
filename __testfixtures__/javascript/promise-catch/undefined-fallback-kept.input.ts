declare function fetchTheme(user: string): Promise<string>;

export async function theme(user: string): Promise<string | undefined> {
  return fetchTheme(user).catch((error: unknown) => undefined);
}
