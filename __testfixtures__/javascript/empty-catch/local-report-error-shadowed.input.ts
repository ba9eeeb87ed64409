declare function send(event: string): Promise<void>;

function reportError(message: string): void {
  void send(message);
}

export async function track(event: string): Promise<void> {
  try {
    await send(event);
  } catch {}
  reportError('tracked');
}
