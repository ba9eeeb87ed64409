declare function send(body: string): Promise<void>;

export async function notify(body: string): Promise<void> {
  await send(body);
}
