declare function send(body: string): Promise<void>;

export async function notify(body: string): Promise<void> {
  try {
    await send(body);
  } catch (e) {
    throw e;
  }
}
