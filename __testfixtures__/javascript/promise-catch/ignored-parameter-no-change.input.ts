declare function readSetting(key: string): Promise<string>;

export async function theme(): Promise<string | undefined> {
  return readSetting('theme').catch((_error: unknown) => undefined);
}
