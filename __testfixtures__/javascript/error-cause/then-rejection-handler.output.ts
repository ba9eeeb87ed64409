declare function readConfig(path: string): Promise<string>;

export function loadConfig(path: string): Promise<unknown> {
  return readConfig(path).then(
    (text) => JSON.parse(text) as unknown,
    (reason: unknown) => {
      throw new TypeError(`config at ${path} could not be read`, {
        cause: reason,
      });
    },
  );
}
