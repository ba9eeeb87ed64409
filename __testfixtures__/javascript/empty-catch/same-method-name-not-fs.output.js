import { reportError } from '../src/errors/index.js';

export class Mirror {
  async refresh(remote) {
    try {
      await remote.stat();
    } catch (e) {
      reportError(e, { operation: 'Mirror.refresh' });
    }
  }
}
