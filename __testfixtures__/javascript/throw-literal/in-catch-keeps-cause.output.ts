import { AppError } from '../src/errors/index.js';

declare function connect(url: string): Promise<void>;

export async function start(url: string): Promise<void> {
  try {
    await connect(url);
  } catch (e) {
    throw new AppError('Could not connect', { cause: e });
  }
}

export async function restart(url: string): Promise<void> {
  try {
    await connect(url);
  } catch (error) {
    throw new AppError('Could not reconnect', { details: { code: 'E_RESTART' }, cause: error });
  }
}
