const fs = require('node:fs');
const { AppError } = require('../src/errors/index.js');

function readJson(path) {
  if (!fs.existsSync(path)) throw new AppError("File is missing: " + path);
  return JSON.parse(fs.readFileSync(path, 'utf8'));
}

module.exports = { readJson };
