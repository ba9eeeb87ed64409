const fs = require('node:fs');

function lastRun(stampFile) {
  let stamp = 0;
  try {
    stamp = Number(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    // never ran before
  }
  return stamp;
}

module.exports = { lastRun };
