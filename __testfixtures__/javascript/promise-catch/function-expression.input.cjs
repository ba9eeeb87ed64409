const { writeFile } = require('node:fs/promises');

module.exports = function touch(path) {
  return writeFile(path, '').catch(function () {});
};
