'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { reportError } = require('../src/errors/index.js');

function removeLockFile(dir) {
  try {
    fs.unlinkSync(path.join(dir, '.lock'));
  } catch (err) {
    reportError(err, { operation: 'removeLockFile' });
  }
}

module.exports = { removeLockFile };
