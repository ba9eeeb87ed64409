const fs = require('node:fs');
const path = require('node:path');

const { isErrnoError } = require('../src/errors/index.js');

function prepareUploads(root) {
  const uploads = path.join(root, 'uploads');
  try {
    fs.mkdirSync(uploads);
  } catch (error) {
    if (!isErrnoError(error, 'EEXIST')) {
      throw error;
    }
  }
  return uploads;
}

module.exports = { prepareUploads };
