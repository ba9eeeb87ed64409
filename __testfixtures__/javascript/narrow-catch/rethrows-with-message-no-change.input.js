const fs = require('node:fs');

function loadManifest(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${file}`, { cause: error });
  }
}

module.exports = { loadManifest };
