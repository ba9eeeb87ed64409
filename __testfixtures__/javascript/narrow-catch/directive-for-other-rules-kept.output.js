const fs = require('node:fs');
const { isErrnoError } = require('../src/errors/index.js');

function configText(file) {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
    // eslint-disable-next-line no-unused-vars -- the default is an empty config
  } catch (error) {
    if (!isErrnoError(error, 'ENOENT', 'ENOTDIR')) {
      throw error;
    }
  }
  return text;
}

module.exports = { configText };
