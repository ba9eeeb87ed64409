import { stat } from 'node:fs';
import { NotFoundError } from '../src/errors/index.js';

export function sizeOf(path) {
  return new Promise((resolve, reject) => {
    stat(path, (error, stats) => {
      if (error) return reject(new NotFoundError(`File ${path} not found`, { cause: error, expose: false }));
      resolve(stats.size);
    });
  });
}

export function cached(key, cache) {
  return cache.has(key) ? Promise.resolve(cache.get(key)) : Promise.reject(new NotFoundError('Cache entry not found', { expose: false }));
}
