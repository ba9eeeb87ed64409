const fs = require('node:fs');
const { isErrnoError } = require('../src/errors/index.js');

function lastRun(stampFile) {
  let stamp = 0;
  try {
    stamp = Number(fs.readFileSync(stampFile, 'utf8'));
  } catch (error) {
    // never ran before
    if (!isErrnoError(error, 'ENOENT', 'ENOTDIR')) {
      throw error;
    }
  }
  return stamp;
}

module.exports = { lastRun };
