const fs = require('node:fs');
const { isErrnoError } = require('../src/errors/index.js');

async function ensureCacheDir(dir) {
  try {
    await fs.promises.access(dir);
    return;
  } catch (error) {
    if (!isErrnoError(error, 'ENOENT', 'ENOTDIR', 'EACCES', 'EPERM')) {
      throw error;
    }
  }
  await fs.promises.mkdir(dir, { recursive: true });
}

module.exports = { ensureCacheDir };
