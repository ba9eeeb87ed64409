const { readFileSync } = require('fs');
const path = require('path');

function headersVersion(prefix) {
  let version;
  try {
    const header = readFileSync(path.join(prefix, 'include', 'version.h'), 'utf8');
    version = header.match(/VERSION (\d+)/)[1];
  } catch {}
  return version;
}

module.exports = { headersVersion };
