const fs = require('fs');

function readBanner(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (_err) {
    return '';
  }
}

module.exports = { readBanner };
