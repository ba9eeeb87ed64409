import { isErrnoError } from '../src/errors/index.js';

export function loadDevtools(): unknown {
  try {
    return require('react-devtools-core');
  } catch (err) {
    if (!isErrnoError(err, 'MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND')) {
      throw err;
    }
    return null;
  }
}
