import { Cache } from './cache.js';
import { reportError } from '../src/errors/index.js';

export class UserService {
  constructor(cache = new Cache()) {
    this.cache = cache;
  }

  async warm(ids) {
    for (const id of ids) {
      try {
        await this.cache.load(id);
      } catch (e) {
        reportError(e, { operation: 'UserService.warm' });
      }
    }
  }
}
