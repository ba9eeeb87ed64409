'use strict';

const fs = require('node:fs');
const path = require('node:path');

function writeLockFile(dir) {
  try {
    fs.writeFileSync(path.join(dir, '.lock'), String(process.pid));
  } catch (err) {
  }
}

module.exports = { writeLockFile };
