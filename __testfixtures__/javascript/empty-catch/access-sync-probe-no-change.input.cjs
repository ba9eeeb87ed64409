const fs = require('fs');

function isWritable(dir) {
  let writable = true;
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    writable = false;
  }
  return writable;
}

function hasConfig(dir) {
  try {
    if (fs.statSync(dir + '/app.config.json').isFile()) return true;
  } catch (e) {}
  return false;
}

module.exports = { isWritable, hasConfig };
