const { unlink } = require('node:fs/promises');

module.exports = function cleanUp(path) {
  return unlink(path).catch(function () {});
};
