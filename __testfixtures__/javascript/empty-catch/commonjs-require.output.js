'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { reportError } = require('../src/errors/index.js');

function writeLockFile(dir) {
  try {
    fs.writeFileSync(path.join(dir, '.lock'), String(process.pid));
  } catch (err) {
    reportError(err, { operation: 'writeLockFile' });
  }
}

module.exports = { writeLockFile };
