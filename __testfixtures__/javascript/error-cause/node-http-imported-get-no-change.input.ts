import { get as httpGet } from 'node:http';
import type { IncomingMessage } from 'node:http';

export function ping(target: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    try {
      httpGet(target, resolve).on('error', reject);
    } catch (error) {
      throw new Error(`Ping to ${new URL(target).host} could not start`);
    }
  });
}
