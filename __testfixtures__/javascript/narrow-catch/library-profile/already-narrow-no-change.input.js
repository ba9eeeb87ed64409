const fs = require('fs');

function sizeOrZero(file) {
  try {
    return fs.statSync(file).size;
  } catch (err) {
    if (err.code === 'ENOENT') return 0;
    throw err;
  }
}

module.exports = { sizeOrZero };
