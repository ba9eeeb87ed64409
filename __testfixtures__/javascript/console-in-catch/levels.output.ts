import { logger } from '../src/errors/index.js';

declare function step(name: string): void;

export function runSteps(names: string[]): void {
  for (const name of names) {
    try {
      step(name);
    } catch (e) {
      logger.info({ err: e, name }, 'Step skipped');
      logger.debug({ err: e }, 'runSteps failed');
      logger.error({ err: e }, 'Step failed');
    }
  }
}
