import { wrap } from './wrap.js';

export function run(task) {
  try {
    return task();
  } catch (e) {
    if (e.code === 'ENOENT') throw e;
    throw wrap(e);
  }
}
