const fs = require('node:fs');

function readJson(path) {
  if (!fs.existsSync(path)) throw "File is missing: " + path;
  return JSON.parse(fs.readFileSync(path, 'utf8'));
}

module.exports = { readJson };
