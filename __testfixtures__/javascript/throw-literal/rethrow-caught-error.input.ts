declare function save(): Promise<void>;
declare function log(error: unknown): void;

export async function persist(): Promise<void> {
  try {
    await save();
  } catch (e) {
    log(e);
    throw e;
  }
}
