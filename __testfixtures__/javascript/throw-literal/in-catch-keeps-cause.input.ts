declare function connect(url: string): Promise<void>;

export async function start(url: string): Promise<void> {
  try {
    await connect(url);
  } catch (e) {
    throw 'Could not connect';
  }
}

export async function restart(url: string): Promise<void> {
  try {
    await connect(url);
  } catch {
    throw { code: 'E_RESTART', message: 'Could not reconnect' };
  }
}
