'use strict';

const fs = require('node:fs');
const path = require('node:path');

function removeLockFile(dir) {
  try {
    fs.unlinkSync(path.join(dir, '.lock'));
  } catch (err) {
  }
}

module.exports = { removeLockFile };
