import { stat } from 'node:fs';

export function sizeOf(path) {
  return new Promise((resolve, reject) => {
    stat(path, (error, stats) => {
      if (error) return reject(new Error(`File ${path} not found`, { cause: error }));
      resolve(stats.size);
    });
  });
}

export function cached(key, cache) {
  return cache.has(key) ? Promise.resolve(cache.get(key)) : Promise.reject(new Error('Cache entry not found'));
}
