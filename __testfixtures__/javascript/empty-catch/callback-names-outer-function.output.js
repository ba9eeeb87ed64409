import { reportError } from '../src/errors/index.js';

export function watchConfig(emitter, reload) {
  emitter.on('change', () => {
    try {
      reload();
    } catch (e) {
      reportError(e, { operation: 'watchConfig' });
    }
  });
}
