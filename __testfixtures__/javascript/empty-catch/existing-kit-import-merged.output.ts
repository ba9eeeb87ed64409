import { logger, reportError } from '../src/errors/index.js';

declare function flush(): Promise<void>;

export const shutdown = async (): Promise<void> => {
  logger.info({}, 'shutting down');
  try {
    await flush();
  } catch (error: unknown) {
    reportError(error, { operation: 'shutdown' });
  }
};
