import { reportError as reportAppError } from '../src/errors/index.js';

declare function send(event: string): Promise<void>;

function reportError(message: string): void {
  void send(message);
}

export async function track(event: string): Promise<void> {
  try {
    await send(event);
  } catch (error) {
    reportAppError(error, { operation: 'track' });
  }
  reportError('tracked');
}
