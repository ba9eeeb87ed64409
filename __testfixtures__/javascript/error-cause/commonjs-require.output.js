const fs = require('node:fs');

function readManifest(path) {
  try {
    return JSON.parse(fs.readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new Error(`Manifest ${path} is invalid`, { cause });
  }
}

module.exports = { readManifest };
